import { z } from 'zod';
import type { FieldDefinition } from './catalogue';
import type { Identity } from './identity';

/**
 * Certificate texts are catalogue data: an office words its certificates, in Arabic and French
 * (the two languages of Moroccan administrative documents), without a new build. Texts carry
 * placeholders in braces, `{holderName}` or `{field.address}`, filled at issue time.
 */

export const CERTIFICATE_LANGUAGES = ['ar', 'fr'] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];

export const bilingualTextSchema = z.strictObject({ ar: z.string().min(1).max(2000), fr: z.string().min(1).max(2000) });
export type BilingualText = z.infer<typeof bilingualTextSchema>;

export const certificateLetterheadSchema = z.strictObject({
  /** The heading lines, top of the page: kingdom, ministry, province, commune, annex. */
  lines: z.strictObject({ ar: z.array(z.string().min(1).max(120)).min(1).max(8), fr: z.array(z.string().min(1).max(120)).min(1).max(8) }),
  /** Where certificates are made, for the "done at" line. */
  place: bilingualTextSchema,
  /** Who signs, printed above the signature space. */
  signatory: bilingualTextSchema,
});
export type CertificateLetterhead = z.infer<typeof certificateLetterheadSchema>;

export const certificateTemplateSchema = z.strictObject({
  title: bilingualTextSchema,
  body: bilingualTextSchema,
});
export type CertificateTemplate = z.infer<typeof certificateTemplateSchema>;

/** The placeholders every template may use; `field.<key>` adds the service's own fields. */
export const HOLDER_PLACEHOLDERS = [
  'holderName',
  'holderNameLatin',
  'holderNameArabic',
  'holderCin',
  'holderDateOfBirth',
  'certificateNumber',
  'issueDate',
  'place',
] as const;
export type HolderPlaceholder = (typeof HOLDER_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9.]*)\}/g;

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Every placeholder that names nothing, so a catalogue with a typo is refused on import, not at the counter. */
export function templatePlaceholderErrors(template: CertificateTemplate, fields: ReadonlyArray<Pick<FieldDefinition, 'key'>>): string[] {
  const known = new Set<string>([...HOLDER_PLACEHOLDERS, ...fields.map((field) => `field.${field.key}`)]);
  const errors: string[] = [];
  for (const language of CERTIFICATE_LANGUAGES) {
    for (const text of [template.title[language], template.body[language]]) {
      for (const name of placeholdersOf(text)) if (!known.has(name)) errors.push(`unknown placeholder {${name}} in the ${language} text`);
    }
  }
  return errors;
}

/** Replaces each `{name}` by its value; a name without a value is left visible rather than silently dropped. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** ISO date (YYYY-MM-DD) as printed on Moroccan documents in both languages: DD/MM/YYYY, Western digits. */
export function printedDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

export interface CertificateSubject {
  identity: Identity;
  fields: Readonly<Record<string, string>>;
  serviceFields: readonly FieldDefinition[];
}

export interface CertificateFacts {
  number: string;
  /** YYYY-MM-DD, the office's day of issue. */
  issuedOn: string;
  letterhead: CertificateLetterhead;
}

/** The values of the placeholders in one language: select fields print their option's label in that language. */
export function placeholderValues(language: CertificateLanguage, subject: CertificateSubject, facts: CertificateFacts): Record<string, string> {
  const { identity } = subject;
  const latin = `${identity.firstNameLatin} ${identity.lastNameLatin}`.trim();
  const arabic = `${identity.firstNameArabic} ${identity.lastNameArabic}`.trim();
  const values: Record<string, string> = {
    holderName: language === 'ar' && arabic !== '' ? arabic : latin,
    holderNameLatin: latin,
    holderNameArabic: arabic === '' ? latin : arabic,
    holderCin: identity.cin,
    holderDateOfBirth: printedDate(identity.dateOfBirth),
    certificateNumber: facts.number,
    issueDate: printedDate(facts.issuedOn),
    place: facts.letterhead.place[language],
  } satisfies Record<HolderPlaceholder, string>;
  for (const field of subject.serviceFields) {
    const raw = subject.fields[field.key] ?? '';
    const option = field.options?.find((o) => o.value === raw);
    values[`field.${field.key}`] = option ? option.label[language] : field.kind === 'date' && raw !== '' ? printedDate(raw) : raw;
  }
  return values;
}

/** What is printed, in both languages, placeholders filled. */
export interface CertificateText {
  number: string;
  letterhead: { ar: readonly string[]; fr: readonly string[] };
  title: BilingualText;
  body: BilingualText;
  doneAt: BilingualText;
  signatory: BilingualText;
}

const DONE_AT: BilingualText = { ar: 'حرر ب{place} في {issueDate}', fr: 'Fait à {place}, le {issueDate}' };

export function composeCertificate(template: CertificateTemplate, subject: CertificateSubject, facts: CertificateFacts): CertificateText {
  const fill = (text: BilingualText): BilingualText => ({
    ar: fillPlaceholders(text.ar, placeholderValues('ar', subject, facts)),
    fr: fillPlaceholders(text.fr, placeholderValues('fr', subject, facts)),
  });
  return {
    number: facts.number,
    letterhead: facts.letterhead.lines,
    title: fill(template.title),
    body: fill(template.body),
    doneAt: fill(DONE_AT),
    signatory: facts.letterhead.signatory,
  };
}

/** For a catalogue that has no letterhead of its own: the kingdom's heading and the office's name. */
export function fallbackLetterhead(officeName: string): CertificateLetterhead {
  return {
    lines: { ar: ['المملكة المغربية', 'وزارة الداخلية', officeName], fr: ['Royaume du Maroc', "Ministère de l'Intérieur", officeName] },
    place: { ar: officeName, fr: officeName },
    signatory: { ar: 'رئيس الملحقة الإدارية', fr: "Le chef de l'annexe administrative" },
  };
}
