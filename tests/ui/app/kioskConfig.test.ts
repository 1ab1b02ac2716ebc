import { describe, expect, it } from 'vitest';
import { fetchKioskConfig } from '../../../src/app/kioskConfig';

function answering(status: number, body: unknown): typeof fetch {
  return async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
}

describe('the kiosk-config.json beside the page', () => {
  it('reads the back office, the demo enrolment code and the office name', async () => {
    const config = { backofficeUrl: 'http://127.0.0.1:8080/', demoEnrolmentCode: 'ABCD-1234', officeName: 'Annexe 2' };
    expect(await fetchKioskConfig(answering(200, config))).toEqual(config);
  });

  it('drops a plain http:// back office on another machine, and keeps the rest of the file', async () => {
    const config = { backofficeUrl: 'http://192.168.1.10:8787', officeName: 'Annexe 2' };
    expect(await fetchKioskConfig(answering(200, config))).toEqual({ officeName: 'Annexe 2' });
  });

  it('keeps a plain http:// back office on another machine when the operator allows it explicitly', async () => {
    const config = { backofficeUrl: 'http://192.168.1.10:8787', allowInsecureBackoffice: true };
    expect(await fetchKioskConfig(answering(200, config))).toEqual(config);
  });

  it.each([
    ['is absent', answering(404, 'not found')],
    ['is not JSON', answering(200, '{oops')],
    ['points at a non-web URL', answering(200, { backofficeUrl: 'file:///etc/passwd' })],
    ['cannot be fetched', (async () => Promise.reject(new TypeError('offline'))) as typeof fetch],
  ])('counts as no config when it %s', async (_, fetchImpl) => {
    expect(await fetchKioskConfig(fetchImpl)).toEqual({});
  });
});
