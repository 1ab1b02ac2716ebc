import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import defaultCatalogue from '../../assets/catalogue/default-catalogue.json';
import { SAMPLE_HOLDER } from '../../scripts/sampleHolder';
import { SigningKeyring } from '../../backoffice/src/certificates/signingKeyring';
import { DATABASE_FILE } from '../../backoffice/src/server';
import { issueCertificate, revokeCertificate, type CertificateDeps } from '../../backoffice/src/service/certificates';
import { hashSecret } from '../../backoffice/src/service/secrets';
import { openSqliteStore, type SqliteStore } from '../../backoffice/src/store/sqliteStore';
import { catalogueSchema } from '../../src/domain/catalogue';
import { base64UrlEncode } from '../../src/domain/certificateToken';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import { launchKiosk, startBackoffice, type LaunchedKiosk, type RunningBackoffice } from './harness';

/**
 * The /verify page in Chromium against the real back office: the certificates are issued by the
 * certificate service on the same data folder (database and keys), as the console will.
 */
let backoffice: RunningBackoffice;
let store: SqliteStore;
let deps: CertificateDeps;
let browser: LaunchedKiosk;
const tokens: string[] = [];

async function issue(seq: number, prefix: string, deviceId: string): Promise<string> {
  const request = {
    id: uuidv7(),
    kioskSeq: seq,
    trackingCode: formatTrackingCode(prefix, seq),
    serviceId: 'residence',
    catalogueVersion: 1,
    locale: 'ar' as const,
    identity: SAMPLE_HOLDER,
    fields: { address: '12 rue Atlas', proofOfAddress: 'lease' },
    consent: { noticeVersion: 1, acceptedAt: '2026-12-02T08:00:00.000Z' },
    createdAt: '2026-12-02T08:00:00.000Z',
  };
  const at = new Date().toISOString();
  await store.pushRequests({ deviceId, officeId: 'demo', receivedAt: at, kioskSeqs: [seq], items: [{ request, canonical: JSON.stringify(request) }] });
  await store.appendStatus({ requestId: request.id, expected: 'received', status: 'inReview', reason: null, at, by: 'test' });
  return (await issueCertificate(deps, { requestId: request.id, officeId: 'demo', by: 'cli' })).certificate.token;
}

beforeAll(async () => {
  backoffice = await startBackoffice();
  store = openSqliteStore(join(backoffice.dataDir, DATABASE_FILE));
  deps = { store, keyring: SigningKeyring.open(backoffice.dataDir), now: () => new Date() };
  const at = new Date().toISOString();
  await store.createOffice({ id: 'demo', name: 'Annexe de démonstration', createdAt: at });
  await store.importCatalogue('demo', catalogueSchema.parse(defaultCatalogue), at);
  await store.createEnrolmentCode({ codeHash: hashSecret('e2e-code'), officeId: 'demo', createdAt: at, expiresAt: '2099-01-01T00:00:00.000Z' });
  const enrolled = await store.redeemEnrolmentCode({
    codeHash: hashSecret('e2e-code'),
    now: at,
    device: { id: uuidv7(), label: 'e2e', tokenHash: hashSecret('e2e-device-token') },
    prefixCandidates: ['VRF'],
  });
  if (!enrolled.ok) throw new Error('enrolment failed');
  for (const seq of [1, 2]) tokens.push(await issue(seq, enrolled.device.trackingPrefix, enrolled.device.id));
  browser = await launchKiosk({ url: `${backoffice.url}verify?lang=ar` });
});

afterAll(async () => {
  await browser?.close();
  store?.close();
  await backoffice?.stop();
});

async function check(token: string): Promise<{ outcome: string | undefined; text: string }> {
  const { page } = browser;
  await page.fill('#token', token);
  await page.click('button[type="submit"]');
  await page.waitForSelector('#result[data-outcome]');
  return {
    outcome: await page.getAttribute('#result', 'data-outcome') ?? undefined,
    text: await page.innerText('#result'),
  };
}

describe('the /verify page in Chromium', () => {
  it('is in Arabic, right to left, and says valid with the details to compare', async () => {
    expect(await browser.page.getAttribute('html', 'dir')).toBe('rtl');
    const answer = await check(tokens[0]!);
    expect(answer.outcome).toBe('valid');
    expect(answer.text).toContain('صالحة');
    expect(answer.text).toContain('DEMO-');
    expect(answer.text).toContain('AB123456');
    expect(answer.text).toContain('محمد العمراني');
    expect(answer.text).toContain('شهادة السكنى');
  });

  it('says forged for a tampered token and revoked for a revoked certificate', async () => {
    const [prefix, claims = '', signature] = tokens[1]!.split('.');
    const tuple = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as string[];
    tuple[3] = 'AB654321';
    const tampered = [prefix, base64UrlEncode(Buffer.from(JSON.stringify(tuple))), signature].join('.');
    expect((await check(tampered)).outcome).toBe('forged');

    const number = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'))[1] as string;
    await revokeCertificate(deps, { number, officeId: 'demo', by: 'cli', reason: 'e2e' });
    const revoked = await check(tokens[1]!);
    expect(revoked.outcome).toBe('revoked');
    expect(revoked.text).toContain('ملغاة');
  });

  it('checks the signature in the page itself when the back office stops answering', async () => {
    await browser.page.goto(`${backoffice.url}verify?lang=fr`);
    await backoffice.stop();
    const answer = await check(tokens[0]!);
    expect(answer.outcome).toBe('valid');
    expect(answer.text).toContain('Signature authentique');
    expect(answer.text).toContain('Le bureau est injoignable');
    await backoffice.restart();
  });
});
