import { afterEach, describe, expect, it } from 'vitest';
import { catalogueImport } from '../../backoffice/src/cli/commands';
import { harness, makeRequest, testCatalogue, type Harness } from './fixtures';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

describe('catalogue versions', () => {
  it('sends the catalogue when the kiosk has none or an older version, and null when it is up to date', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    expect((await h.get('/api/v1/catalogue', kiosk.deviceToken)).json().catalogue.version).toBe(1);
    expect((await h.get('/api/v1/catalogue?since=0', kiosk.deviceToken)).json().catalogue.version).toBe(1);
    expect((await h.get('/api/v1/catalogue?since=1', kiosk.deviceToken)).json()).toEqual({ catalogue: null });
  });

  it('bumps the version on each import, whatever version the file says', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const next = testCatalogue(99);
    next.services = next.services.filter((s) => s.id !== 'life');
    expect(await catalogueImport(h.context, 'north', next)).toBe(2);
    const pulled = (await h.get('/api/v1/catalogue?since=1', kiosk.deviceToken)).json().catalogue;
    expect([pulled.version, pulled.services.map((s: { id: string }) => s.id)]).toEqual([2, ['birth_extract']]);
  });

  it("keeps each office's catalogue apart", async () => {
    h = await harness();
    const south = await h.enrol('south');
    await catalogueImport(h.context, 'north', testCatalogue());
    expect((await h.get('/api/v1/catalogue?since=1', south.deviceToken)).json()).toEqual({ catalogue: null });
  });

  it('checks a request against the catalogue version it was made with', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const withoutLife = testCatalogue();
    withoutLife.services = withoutLife.services.filter((s) => s.id !== 'life');
    await catalogueImport(h.context, 'north', withoutLife);
    const madeOffline = makeRequest(kiosk.trackingPrefix, 1, { catalogueVersion: 1 });
    const madeAfter = makeRequest(kiosk.trackingPrefix, 2, { catalogueVersion: 2 });
    const results = (await h.post('/api/v1/requests/push', { items: [madeOffline, madeAfter] }, kiosk.deviceToken)).json().results;
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['accepted', 'invalid']);
  });
});
