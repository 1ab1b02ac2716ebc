import type { CertificateClaims } from '../src/domain/certificateTokenFormat';
import type { Identity } from '../src/domain/identity';

/**
 * The citizen the certificate tests, the certificate benchmark and the PDF checks use: one
 * person, written once, so that a text found in a rendered PDF or a token is recognisably theirs.
 * Invented (any likeness is chance); the CIN has the card's shape only.
 */
export const SAMPLE_HOLDER: Identity = {
  cin: 'AB123456',
  lastNameLatin: 'El Amrani',
  firstNameLatin: 'Mohamed',
  lastNameArabic: 'العمراني',
  firstNameArabic: 'محمد',
  dateOfBirth: '1990-05-01',
  phone: '',
};

/** The holder's names as a certificate prints them (first name first). */
export const SAMPLE_HOLDER_NAME = { latin: 'Mohamed El Amrani', arabic: 'محمد العمراني' } as const;

/** The claims of a residence certificate issued to the sample holder by the DEMO office (the key id is the signer's). */
export function sampleClaims(overrides: Partial<Omit<CertificateClaims, 'keyId'>> = {}): Omit<CertificateClaims, 'keyId'> {
  return {
    number: 'DEMO-2026-000001',
    serviceId: 'residence',
    holderCin: SAMPLE_HOLDER.cin,
    holderName: SAMPLE_HOLDER_NAME.latin,
    holderNameArabic: SAMPLE_HOLDER_NAME.arabic,
    officeId: 'demo',
    issuedOn: '2026-12-02',
    ...overrides,
  };
}
