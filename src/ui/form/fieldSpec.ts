import type { FieldDefinition, FieldKind } from '../../domain/catalogue';
import type { IdentityKey } from '../../domain/identity';
import { IDENTITY_FIELDS } from '../../domain/identity';
import type { Locale } from '../../domain/locales';
import type { PromptId } from '../../domain/audioPrompts';
import { optionPictogram, optionPromptId } from '../../domain/optionChoices';
import { localized } from '../../i18n/format';

/** One field of a form step as the screen draws it; labels already in the citizen's language. */
export interface FieldSpec {
  /** `identity.cin`, `fields.actNumber`: the machine's path of the value. */
  path: string;
  kind: FieldKind;
  /** Which on-screen keyboard: Latin names get the AZERTY layout whatever the language. */
  keyboardKind: FieldKind | 'latinName';
  label: string;
  hint?: string;
  required: boolean;
  maxLength?: number;
  /** A `select` field's answers, each with its pictogram and the prompt that names it aloud (src/domain/optionChoices.ts). */
  options?: { value: string; label: string; pictogram: string; prompt: PromptId }[];
  /** Offered from the office's own list as well as typed (the address from the annex's streets). */
  pickFrom?: 'officeStreets';
}

const LATIN_NAMES: ReadonlySet<IdentityKey> = new Set(['lastNameLatin', 'firstNameLatin']);

export function identitySpecs(label: (key: IdentityKey) => string, hint: (key: IdentityKey) => string | undefined): FieldSpec[] {
  return IDENTITY_FIELDS.map((field) => ({
    path: `identity.${field.key}`,
    kind: field.kind,
    keyboardKind: LATIN_NAMES.has(field.key) ? 'latinName' : field.kind,
    label: label(field.key),
    hint: hint(field.key),
    required: field.required,
    maxLength: field.maxLength,
  }));
}

export function serviceFieldSpecs(fields: readonly FieldDefinition[], locale: Locale): FieldSpec[] {
  return fields.map((field) => ({
    path: `fields.${field.key}`,
    kind: field.kind,
    keyboardKind: field.kind,
    label: localized(field.label, locale),
    hint: field.hint ? localized(field.hint, locale) : undefined,
    required: field.required,
    maxLength: field.maxLength,
    options: field.options?.map((option) => ({
      value: option.value,
      label: localized(option.label, locale),
      pictogram: optionPictogram(field.key, option.value),
      prompt: optionPromptId(field.key, option.value),
    })),
    ...(field.pickFrom ? { pickFrom: field.pickFrom } : {}),
  }));
}

/** Values made of Latin letters and digits read left to right even inside Arabic text. */
export function isLeftToRightValue(kind: FieldKind): boolean {
  return kind === 'cin' || kind === 'phone' || kind === 'date' || kind === 'digits' || kind === 'year' || kind === 'postalCode';
}
