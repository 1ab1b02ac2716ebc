import { describe, expect, it } from 'vitest';
import { westernDigits } from '../../src/domain/digits';
import { parseCin, parseMoroccanMobile, isPostalCode } from '../../src/domain/identifiers';
import { validateValue } from '../../src/domain/validation';
import { validateIdentity } from '../../src/domain/request';

const TODAY = '2026-11-28';

describe('digits as citizens type them', () => {
  it.each([
    ['Arabic-Indic', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['Eastern Arabic (Persian, Urdu)', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['mixed with Western digits and letters', 'AB١٢3۴56', 'AB123456'],
    ['text without digits, unchanged', 'محمد', 'محمد'],
  ])('reads %s digits as Western digits', (_label, typed, western) => {
    expect(westernDigits(typed)).toBe(western);
  });

  it('finds a CIN, a mobile and a postal code typed in Arabic-Indic digits', () => {
    expect(parseCin('ab ١٢٣٤٥٦')).toBe('AB123456');
    expect(parseMoroccanMobile('٠٦١٢٣٤٥٦٧٨')).toBe('+212612345678');
    expect(parseMoroccanMobile('۰۷ ۱۲ ۳۴ ۵۶ ۷۸')).toBe('+212712345678');
    expect(isPostalCode('٦٠٠٠٠')).toBe(true);
  });

  it.each([
    ['date', '١٩٩٠-٠٢-٢٨', '1990-02-28'],
    ['year', '١٩٩٨', '1998'],
    ['digits', '۰۰۱۲۳', '00123'],
    ['cin', 'ab١٢٣٤٥٦', 'AB123456'],
    ['phone', '+٢١٢٦١٢٣٤٥٦٧٨', '+212612345678'],
  ] as const)('validates a %s field typed in Arabic digits and stores Western digits', (kind, typed, stored) => {
    expect(validateValue({ kind, required: true }, typed, TODAY)).toEqual({ ok: true, value: stored });
  });

  it('leaves free text alone: digits inside an address stay as typed', () => {
    expect(validateValue({ kind: 'text', required: true }, 'زنقة ١٢', TODAY)).toEqual({ ok: true, value: 'زنقة ١٢' });
  });
});

describe('a date of birth a CIN holder can have', () => {
  const identity = { cin: 'AB123456', lastNameLatin: 'Alaoui', firstNameLatin: 'Samira', dateOfBirth: '1990-02-28' };
  const errorOf = (dateOfBirth: string) => {
    const result = validateIdentity({ ...identity, dateOfBirth }, TODAY, { atEntry: true });
    return result.ok ? undefined : result.errors.find((error) => error.path === 'identity.dateOfBirth')?.code;
  };

  it('accepts a holder born 12 years ago to the day', () => {
    expect(errorOf('2014-11-28')).toBeUndefined();
  });

  it('refuses a date of birth in the future', () => {
    expect(errorOf('2027-01-01')).toBe('dateInFuture');
  });

  it.each(['2026-11-28', '2020-05-01', '2014-11-29'])('refuses %s as too recent for a CIN holder', (dateOfBirth) => {
    expect(errorOf(dateOfBirth)).toBe('dateTooRecent');
  });

  it('is a check at entry: the back office accepts what a kiosk with other bounds sent', () => {
    expect(validateIdentity({ ...identity, dateOfBirth: '2020-05-01' }, TODAY).ok).toBe(true);
  });

  it('applies the bound to the holder only: a service date (a child born this year) stays valid', () => {
    expect(validateValue({ kind: 'date', required: true }, '2026-01-01', TODAY)).toEqual({ ok: true, value: '2026-01-01' });
  });
});
