import { describe, expect, it } from 'vitest';
import { certificateClaimsSchema, verifyResultSchema } from '../../src/domain/certificateToken';
import { readClaims, readVerifyResult, type CertificateClaims } from '../../src/domain/certificateTokenFormat';

/**
 * The /verify page reads tokens and answers without zod (certificateTokenFormat.ts); the back
 * office with the zod schemas built from the same constants. Both must take and refuse the same.
 */

const claims: CertificateClaims = {
  keyId: 'k1AbCdEfGh',
  number: 'DEMO-2026-000042',
  serviceId: 'residence',
  holderCin: 'AB123456',
  holderName: 'Fatima El Amrani',
  holderNameArabic: 'فاطمة العمراني',
  officeId: 'DEMO',
  issuedOn: '2026-12-01',
};

const CLAIM_CASES: Array<[string, unknown]> = [
  ['valid claims', claims],
  ['no Arabic name', { ...claims, holderNameArabic: '' }],
  ['a leap day', { ...claims, issuedOn: '2028-02-29' }],
  ['a day that does not exist', { ...claims, issuedOn: '2026-02-30' }],
  ['a 29 February outside a leap year', { ...claims, issuedOn: '2027-02-29' }],
  ['month 13', { ...claims, issuedOn: '2026-13-01' }],
  ['a date with a time', { ...claims, issuedOn: '2026-12-01T00:00:00Z' }],
  ['a short key id', { ...claims, keyId: 'abc' }],
  ['a lower-case number', { ...claims, number: 'demo-2026-1' }],
  ['a CIN with too many digits', { ...claims, holderCin: 'AB1234567' }],
  ['an empty name', { ...claims, holderName: '' }],
  ['a name of 242 characters', { ...claims, holderName: 'a'.repeat(242) }],
  ['a name of 241 characters', { ...claims, holderName: 'a'.repeat(241) }],
  ['an office id of 41 characters', { ...claims, officeId: 'O'.repeat(41) }],
  ['a service id with a capital', { ...claims, serviceId: 'Residence' }],
  ['one more key', { ...claims, extra: 'x' }],
  ['a missing key', { ...claims, issuedOn: undefined }],
  ['a number instead of text', { ...claims, officeId: 7 }],
  ['an array', Object.values(claims)],
  ['null', null],
];

const RESULT_CASES: Array<[string, unknown]> = [
  ['valid, revocation checked', { outcome: 'valid', claims, revocationChecked: true }],
  ['valid, signature only', { outcome: 'valid', claims, revocationChecked: false }],
  ['revoked', { outcome: 'revoked', claims, revokedAt: '2026-12-02T10:00:00.000Z', revocationChecked: true }],
  ['revoked without the check', { outcome: 'revoked', claims, revokedAt: '2026-12-02T10:00:00.000Z', revocationChecked: false }],
  ['forged', { outcome: 'forged', reason: 'badSignature' }],
  ['forged for no known reason', { outcome: 'forged', reason: 'because' }],
  ['forged with claims', { outcome: 'forged', reason: 'malformed', claims }],
  ['valid with bad claims', { outcome: 'valid', claims: { ...claims, holderCin: '?' }, revocationChecked: true }],
  ['an unknown outcome', { outcome: 'maybe', claims, revocationChecked: true }],
];

describe('the token format without zod', () => {
  it.each(CLAIM_CASES)('reads claims as the zod schema does: %s', (_, value) => {
    expect(readClaims(value) !== null).toBe(certificateClaimsSchema.safeParse(value).success);
  });

  it.each(RESULT_CASES)('reads a verification answer as the zod schema does: %s', (_, value) => {
    expect(readVerifyResult(value) !== null).toBe(verifyResultSchema.safeParse(value).success);
  });

  it('gives back what it read, nothing more', () => {
    expect(readClaims(claims)).toEqual(claims);
    expect(readVerifyResult({ outcome: 'valid', claims, revocationChecked: false })).toEqual({ outcome: 'valid', claims, revocationChecked: false });
  });
});
