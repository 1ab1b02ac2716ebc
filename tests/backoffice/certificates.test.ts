import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SigningKeyring } from '../../backoffice/src/certificates/signingKeyring';
import { PublicKeyIndex, signToken, verifyTokenSignature } from '../../backoffice/src/certificates/tokenSignature';
import { issueCertificate, officeDay, revokeCertificate, verifyCertificate } from '../../backoffice/src/service/certificates';
import { parseToken } from '../../src/domain/certificateToken';
import { certificateHarness, type CertificateHarness } from './certificateFixtures';

let h: CertificateHarness;
beforeEach(async () => {
  h = await certificateHarness();
});
afterEach(() => h.cleanup());

const chief = 'staff:chief-north';

async function rejection(promise: Promise<unknown>): Promise<{ statusCode: number; code: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { statusCode: number; code: string },
  );
  if (!error) throw new Error('expected a refusal');
  return { statusCode: error.statusCode, code: error.code };
}

describe('issueCertificate', () => {
  it('renders, signs and stores the certificate and moves the request to ready, in the changes feed', async () => {
    const request = await h.request('north');
    const issued = await issueCertificate(h.deps, { requestId: request.id, officeId: 'north', by: chief });

    expect(issued.certificate).toMatchObject({ number: 'NORTH-2026-000001', requestId: request.id, officeId: 'north', serviceId: 'life', issuedBy: chief });
    expect(issued.change).toMatchObject({ requestId: request.id, status: 'ready', trackingCode: request.trackingCode });
    expect((await h.store.getCertificateSubject(request.id))?.status).toBe('ready');
    const feed = await h.store.changesSince('north', 0, 100);
    expect(feed.changes.at(-1)).toMatchObject(issued.change!);

    const pdf = Buffer.from((await h.store.getCertificatePdf(issued.certificate.number))!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(parseToken(issued.certificate.token)).toMatchObject({
      ok: true,
      claims: {
        number: 'NORTH-2026-000001',
        serviceId: 'life',
        holderCin: 'AB123456',
        holderName: 'Mohamed El Amrani',
        holderNameArabic: 'محمد العمراني',
        officeId: 'north',
        issuedOn: '2026-11-28',
        keyId: h.keyring.signingKey().keyId,
      },
    });
  });

  it('numbers certificates per office and per year', async () => {
    const numbers = [];
    for (const office of ['north', 'north', 'south']) {
      const request = await h.request(office);
      numbers.push((await issueCertificate(h.deps, { requestId: request.id, officeId: office, by: chief })).certificate.number);
    }
    h.clock.now = new Date('2027-01-02T09:00:00.000Z');
    const next = await h.request('north');
    numbers.push((await issueCertificate(h.deps, { requestId: next.id, officeId: 'north', by: chief })).certificate.number);
    expect(numbers).toEqual(['NORTH-2026-000001', 'NORTH-2026-000002', 'SOUTH-2026-000001', 'NORTH-2027-000001']);
  });

  it("dates a certificate in Morocco's day, not UTC's", () => {
    expect(officeDay(new Date('2026-12-31T23:30:00.000Z'))).toBe('2027-01-01');
  });

  it("answers 404 for another office's request and stores nothing", async () => {
    const request = await h.request('south');
    expect(await rejection(issueCertificate(h.deps, { requestId: request.id, officeId: 'north', by: chief }))).toEqual({
      statusCode: 404,
      code: 'request_not_found',
    });
    expect(await h.store.certificatesOfRequest(request.id)).toEqual([]);
    expect(await rejection(issueCertificate(h.deps, { requestId: '0190f0f0-0000-7000-8000-000000000000', officeId: 'north', by: chief }))).toMatchObject({
      statusCode: 404,
    });
  });

  it('refuses a request that is not in review yet, and a service without a certificate', async () => {
    const received = await h.request('north', {}, 'received');
    expect(await rejection(issueCertificate(h.deps, { requestId: received.id, officeId: 'north', by: chief }))).toEqual({
      statusCode: 409,
      code: 'invalid_transition',
    });
    const legalisation = await h.request('north', { serviceId: 'signature', fields: { documentCount: '1' } });
    expect(await rejection(issueCertificate(h.deps, { requestId: legalisation.id, officeId: 'north', by: chief }))).toEqual({
      statusCode: 409,
      code: 'no_certificate_template',
    });
  });

  it('issues once; after a revocation it issues again and the request stays ready', async () => {
    const request = await h.request('north');
    const first = await issueCertificate(h.deps, { requestId: request.id, officeId: 'north', by: chief });
    expect(await rejection(issueCertificate(h.deps, { requestId: request.id, officeId: 'north', by: chief }))).toEqual({
      statusCode: 409,
      code: 'already_issued',
    });
    await revokeCertificate(h.deps, { number: first.certificate.number, officeId: 'north', by: chief, reason: 'Misspelt address' });
    const feedBefore = (await h.store.changesSince('north', 0, 100)).changes.length;
    const second = await issueCertificate(h.deps, { requestId: request.id, officeId: 'north', by: chief });
    expect(second.change).toBeNull();
    expect(second.certificate.number).toBe('NORTH-2026-000002');
    expect((await h.store.changesSince('north', 0, 100)).changes.length).toBe(feedBefore);
    expect((await h.store.certificatesOfRequest(request.id)).map((c) => [c.number, c.revokedReason])).toEqual([
      ['NORTH-2026-000001', 'Misspelt address'],
      ['NORTH-2026-000002', null],
    ]);
  });

  it('stores nothing when the status changed between the check and the write (one transaction)', async () => {
    const request = await h.request('north');
    const outcome = await h.store.storeIssuedCertificate({
      certificate: {
        number: 'NORTH-2026-000009',
        requestId: request.id,
        officeId: 'north',
        serviceId: 'life',
        keyId: 'abcdefghijkl',
        token: 'SHBK1.x.y',
        issuedAt: h.clock.now.toISOString(),
        issuedBy: chief,
        pdf: new Uint8Array([1]),
      },
      statusChange: {
        via: 'append',
        change: { requestId: request.id, expected: 'received', status: 'ready', reason: null, at: h.clock.now.toISOString(), by: chief },
      },
    });
    expect(outcome).toEqual({ ok: false, reason: 'statusChanged', current: 'inReview' });
    expect(await h.store.getCertificate('NORTH-2026-000009')).toBeNull();
    expect((await h.store.getCertificateSubject(request.id))?.status).toBe('inReview');
  });
});

describe('revokeCertificate and verifyCertificate', () => {
  it('calls a fresh certificate valid, checked against the register', async () => {
    const request = await h.request('north');
    const { certificate } = await issueCertificate(h.deps, { requestId: request.id, officeId: 'north', by: chief });
    expect(await verifyCertificate(h.deps, certificate.token)).toMatchObject({ outcome: 'valid', revocationChecked: true, claims: { number: certificate.number } });
  });

  it('calls a revoked certificate revoked online, while the signature alone still holds offline', async () => {
    const request = await h.request('north');
    const { certificate } = await issueCertificate(h.deps, { requestId: request.id, officeId: 'north', by: chief });
    h.clock.now = new Date('2026-11-29T08:00:00.000Z');
    const revoked = await revokeCertificate(h.deps, { number: certificate.number, officeId: 'north', by: chief, reason: '  Wrong holder ' });
    expect(revoked).toMatchObject({ revokedAt: '2026-11-29T08:00:00.000Z', revokedBy: chief, revokedReason: 'Wrong holder' });
    expect(await verifyCertificate(h.deps, certificate.token)).toMatchObject({ outcome: 'revoked', revokedAt: '2026-11-29T08:00:00.000Z' });
    const offline = verifyTokenSignature(certificate.token, new PublicKeyIndex(h.keyring.publishedKeys().keys));
    expect(offline).toMatchObject({ outcome: 'valid', revocationChecked: false });
  });

  it("refuses to revoke another office's certificate, without a reason, or twice", async () => {
    const request = await h.request('north');
    const { certificate } = await issueCertificate(h.deps, { requestId: request.id, officeId: 'north', by: chief });
    const revoke = (officeId: string, reason: string) => revokeCertificate(h.deps, { number: certificate.number, officeId, by: chief, reason });
    expect(await rejection(revoke('south', 'x'))).toEqual({ statusCode: 404, code: 'certificate_not_found' });
    expect(await rejection(revoke('north', '   '))).toEqual({ statusCode: 400, code: 'reason_required' });
    expect(await rejection(revoke('north', 'x'.repeat(501)))).toEqual({ statusCode: 400, code: 'reason_too_long' });
    await revoke('north', 'error');
    expect(await rejection(revoke('north', 'again'))).toEqual({ statusCode: 409, code: 'already_revoked' });
  });

  it('calls a token signed with our key but absent from the register forged (a leaked key)', async () => {
    const token = signToken(
      { number: 'NORTH-2026-999999', serviceId: 'life', holderCin: 'AB123456', holderName: 'X Y', holderNameArabic: '', officeId: 'north', issuedOn: '2026-11-28' },
      h.keyring.signingKey(),
    );
    expect(await verifyCertificate(h.deps, token)).toEqual({ outcome: 'forged', reason: 'notIssued' });
  });

  it("vouches for another back office's certificate by signature only once given its keys", async () => {
    const other = SigningKeyring.open(h.dataDir + '-other');
    try {
      const token = signToken(
        { number: 'EAST-2026-000001', serviceId: 'life', holderCin: 'AB123456', holderName: 'X Y', holderNameArabic: '', officeId: 'east', issuedOn: '2026-11-28' },
        other.signingKey(),
      );
      expect(await verifyCertificate(h.deps, token)).toEqual({ outcome: 'forged', reason: 'unknownKey' });
      h.keyring.trust(other.publishedKeys());
      expect(await verifyCertificate(h.deps, token)).toMatchObject({ outcome: 'valid', revocationChecked: false });
    } finally {
      rmSync(h.dataDir + '-other', { recursive: true, force: true });
    }
  });
});
