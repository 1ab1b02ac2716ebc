import { afterEach, describe, expect, it } from 'vitest';
import { enrolCode } from '../../backoffice/src/cli/commands';
import { hashSecret } from '../../backoffice/src/service/secrets';
import { TRACKING_ALPHABET } from '../../src/domain/trackingCode';
import { harness, type Harness } from './fixtures';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

describe('enrolment', () => {
  it('gives a kiosk its id, a random token, its office and a letters-only tracking prefix', async () => {
    h = await harness();
    const kiosk = await h.enrol('north', 'Hall kiosk');
    expect(kiosk.officeId).toBe('north');
    expect(kiosk.officeName).toBe('Annexe north');
    expect(Buffer.from(kiosk.deviceToken, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect([...kiosk.trackingPrefix].every((c) => TRACKING_ALPHABET.slice(10).includes(c))).toBe(true);
    expect((await h.store.getDevice(kiosk.deviceId))?.label).toBe('Hall kiosk');
  });

  it('keeps only a SHA-256 hash of the token and of the code', async () => {
    h = await harness();
    const code = await enrolCode(h.context, 'north');
    const kiosk = (await h.post('/api/v1/enrol', { code, kioskLabel: 'k' })).json<{ deviceToken: string }>();
    const dump = JSON.stringify([
      h.store.db.prepare('SELECT * FROM devices').all(),
      h.store.db.prepare('SELECT * FROM enrolment_codes').all(),
    ]);
    expect(dump).not.toContain(kiosk.deviceToken);
    expect(dump).not.toContain(code);
    expect(dump).toContain(hashSecret(kiosk.deviceToken));
  });

  it('accepts a code only once', async () => {
    h = await harness();
    const code = await enrolCode(h.context, 'north');
    expect((await h.post('/api/v1/enrol', { code, kioskLabel: 'first' })).statusCode).toBe(200);
    const second = await h.post('/api/v1/enrol', { code, kioskLabel: 'second' });
    expect(second.statusCode).toBe(401);
    expect(second.json()).toEqual({ error: { code: 'enrolment_code_invalid', message: expect.any(String) } });
    expect((await h.store.stats()).devices).toBe(1);
  });

  it('refuses a code after 24 hours', async () => {
    h = await harness();
    const code = await enrolCode(h.context, 'north');
    h.clock.now = new Date(h.clock.now.getTime() + 24 * 3_600_000);
    const response = await h.post('/api/v1/enrol', { code, kioskLabel: 'late' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('enrolment_code_invalid');
  });

  it('refuses an unknown code and a code of a revoked office', async () => {
    h = await harness();
    expect((await h.post('/api/v1/enrol', { code: 'ABCD-2345', kioskLabel: 'k' })).json().error.code).toBe('enrolment_code_invalid');
    const code = await enrolCode(h.context, 'south');
    await h.store.revokeOffice('south', h.clock.now.toISOString());
    const response = await h.post('/api/v1/enrol', { code, kioskLabel: 'k' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('office_revoked');
  });

  it('reads O as 0 and I or L as 1 in a typed code', async () => {
    h = await harness();
    const at = h.clock.now.toISOString();
    await h.store.createEnrolmentCode({ codeHash: hashSecret('AB01-CD10'), officeId: 'north', createdAt: at, expiresAt: '2099-01-01T00:00:00.000Z' });
    expect((await h.post('/api/v1/enrol', { code: 'ABOI-CDLO', kioskLabel: 'k' })).statusCode).toBe(200);
  });

  it('gives every kiosk a different tracking prefix', async () => {
    h = await harness();
    const prefixes = new Set<string>();
    for (let i = 0; i < 20; i++) prefixes.add((await h.enrol(i % 2 ? 'north' : 'south', `k${i}`)).trackingPrefix);
    expect(prefixes.size).toBe(20);
  });
});
