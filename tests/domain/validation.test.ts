import { describe, expect, it } from 'vitest';
import { checkIsoDate, validateValue } from '../../src/domain/validation';
import type { FieldDefinition } from '../../src/domain/catalogue';

const TODAY = '2026-11-28';
type Rule = Pick<FieldDefinition, 'kind' | 'required' | 'maxLength' | 'options'> & { letterRequired?: boolean };
const field = (kind: FieldDefinition['kind'], extra: Partial<Rule> = {}): Rule => ({ kind, required: true, ...extra });

describe('one value against its field rule', () => {
  it.each<[string, Rule, string, string]>([
    ['trims text', field('text'), '  Mohammed  ', 'Mohammed'],
    ['keeps Latin spellings as typed', field('text'), 'Mohamed', 'Mohamed'],
    ['upper-cases a CIN', field('cin'), 'ab123456', 'AB123456'],
    ['stores a mobile in E.164', field('phone'), '06 12 34 56 78', '+212612345678'],
    ['accepts Arabic script', field('arabicText'), 'محمد العلوي', 'محمد العلوي'],
    ['accepts digits', field('digits'), '00123', '00123'],
    ['accepts a postal code', field('postalCode'), '60000', '60000'],
    ['accepts a past date', field('date'), '1990-02-28', '1990-02-28'],
    ['accepts today', field('date'), TODAY, TODAY],
    ['accepts a year', field('year'), '1998', '1998'],
    ['accepts a listed option', field('select', { options: [{ value: 'bill', label: { ar: 'ف', zgh: 'ⴼ', fr: 'f', en: 'b' } }] }), 'bill', 'bill'],
  ])('%s', (_label, rule, raw, canonical) => {
    expect(validateValue(rule, raw, TODAY)).toEqual({ ok: true, value: canonical });
  });

  it.each<[string, Rule, string | undefined, string]>([
    ['a missing required value', field('text'), undefined, 'required'],
    ['a blank required value', field('text'), '   ', 'required'],
    ['text over the default bound', field('text'), 'x'.repeat(121), 'tooLong'],
    ['text over its own bound', field('text', { maxLength: 5 }), 'abcdef', 'tooLong'],
    ['a malformed CIN', field('cin'), '12AB', 'cin'],
    ['a landline', field('phone'), '0536123456', 'phone'],
    ['Latin letters where Arabic is asked', field('arabicText'), 'Mohamed', 'arabicScript'],
    ['letters where digits are asked', field('digits'), '12a', 'digits'],
    ['a four-digit postal code', field('postalCode'), '6000', 'postalCode'],
    ['an impossible date', field('date'), '2023-02-29', 'date'],
    ['a date in another format', field('date'), '28/11/2026', 'date'],
    ['a date in the future', field('date'), '2026-11-29', 'dateInFuture'],
    ['a date more than 130 years ago', field('date'), '1890-01-01', 'dateTooOld'],
    ['a year in the future', field('year'), '2027', 'year'],
    ['a two-digit year', field('year'), '98', 'year'],
    ['an option not in the list', field('select', { options: [{ value: 'bill', label: { ar: 'ف', zgh: 'ⴼ', fr: 'f', en: 'b' } }] }), 'lease', 'option'],
  ])('refuses %s', (_label, rule, raw, code) => {
    expect(validateValue(rule, raw, TODAY)).toEqual({ ok: false, code });
  });

  it.each<[string, Rule, string, string]>([
    ['a bidi override inside a name', field('text', { letterRequired: true }), 'Ali\u202Etxt.exe', 'forbiddenCharacter'],
    ['a zero-width joiner', field('text'), 'Fat\u200Dima', 'forbiddenCharacter'],
    ['an ANSI escape', field('text'), '\u001b[31mRed', 'forbiddenCharacter'],
    ['a NUL', field('text'), 'Ali\u0000', 'forbiddenCharacter'],
    ['a lone surrogate', field('text'), 'Ali\uD800', 'forbiddenCharacter'],
    ['an Arabic name made of tatweel only', field('arabicText', { letterRequired: true }), '\u0640\u0640\u0640', 'noLetter'],
    ['a Latin name made of punctuation only', field('text', { letterRequired: true }), "'-'", 'noLetter'],
  ])('refuses, as the back office does, %s', (_label, rule, raw, code) => {
    expect(validateValue(rule, raw, TODAY)).toEqual({ ok: false, code });
  });

  it('folds Arabic presentation forms to letters and stores the NFC form', () => {
    expect(validateValue(field('arabicText'), '\uFEE3\uFEA3\uFEE4\uFEAA', TODAY)).toEqual({ ok: true, value: 'محمد' });
    expect(validateValue(field('text'), 'Jose\u0301', TODAY)).toEqual({ ok: true, value: 'José' });
  });

  it('lets an optional field stay empty', () => {
    expect(validateValue(field('phone', { required: false }), '', TODAY)).toEqual({ ok: true, value: '' });
  });

  it('checks leap days against the calendar', () => {
    expect(checkIsoDate('2024-02-29', TODAY)).toBeNull();
    expect(checkIsoDate('2100-02-29', '2200-01-01')).toBe('date');
  });
});
