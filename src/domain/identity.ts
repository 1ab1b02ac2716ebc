import { z } from 'zod';
import type { FieldDefinition } from './catalogue';

/**
 * The identity every request carries. Names are kept in both scripts, as on the CNIE and
 * civil-status acts; Latin spellings vary (Mohamed / Mohammed), so they are never "corrected".
 */
export const IDENTITY_KEYS = ['cin', 'lastNameLatin', 'firstNameLatin', 'lastNameArabic', 'firstNameArabic', 'dateOfBirth', 'phone'] as const;
export type IdentityKey = (typeof IDENTITY_KEYS)[number];

export const identitySchema = z.strictObject({
  cin: z.string().regex(/^[A-Z]{1,2}\d{5,6}$/),
  lastNameLatin: z.string().min(1).max(120),
  firstNameLatin: z.string().min(1).max(120),
  lastNameArabic: z.string().max(120),
  firstNameArabic: z.string().max(120),
  dateOfBirth: z.iso.date(),
  /** E.164, or empty when the citizen gave none. */
  phone: z.union([z.literal(''), z.string().regex(/^\+212[67]\d{8}$/)]),
});
export type Identity = z.infer<typeof identitySchema>;

/**
 * The youngest plausible holder of a CIN filing a request at the kiosk. The CNIE can be issued
 * at any age and is compulsory from 16 (law 04-20); a citizen who files a request alone with
 * their own card is at least 12 in practice, so a date of birth more recent than that is far
 * more likely the current year typed by mistake than a real holder. A plausibility bound, not
 * a legal rule: change it here if an office serves younger holders.
 */
export const MIN_CIN_HOLDER_AGE_YEARS = 12;

/** The identity form as field definitions, so one validator serves identity and service fields. Labels come from the locales. */
export const IDENTITY_FIELDS: ReadonlyArray<Pick<FieldDefinition, 'kind' | 'required' | 'maxLength'> & { key: IdentityKey; letterRequired?: boolean; minAgeYears?: number }> = [
  { key: 'cin', kind: 'cin', required: true },
  { key: 'lastNameLatin', kind: 'text', required: true, letterRequired: true },
  { key: 'firstNameLatin', kind: 'text', required: true, letterRequired: true },
  { key: 'lastNameArabic', kind: 'arabicText', required: false, letterRequired: true },
  { key: 'firstNameArabic', kind: 'arabicText', required: false, letterRequired: true },
  { key: 'dateOfBirth', kind: 'date', required: true, minAgeYears: MIN_CIN_HOLDER_AGE_YEARS },
  { key: 'phone', kind: 'phone', required: false },
];
