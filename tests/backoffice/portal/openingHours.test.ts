import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone } from '../../../src/domain/portal/login';
import { officeIdentitySchema, parseOpeningHours } from '../../../src/domain/officeIdentity';

describe('the portal rules in the domain', () => {
  it('reads opening hours as an operator types them, and refuses other shapes', () => {
    expect(parseOpeningHours('1-5 08:30-16:30; 6 09:00-12:00')).toEqual([
      { days: [1, 2, 3, 4, 5], opens: '08:30', closes: '16:30' },
      { days: [6], opens: '09:00', closes: '12:00' },
    ]);
    expect(parseOpeningHours('1,3 08:00-12:00')).toEqual([{ days: [1, 3], opens: '08:00', closes: '12:00' }]);
    expect(parseOpeningHours('Mon 08:00-12:00')).toBeNull();
    const late = parseOpeningHours('1 16:00-08:00');
    expect(officeIdentitySchema.safeParse({ version: 1, names: { ar: 'a', zgh: 'b', fr: 'c', en: 'd' }, logo: null, openingHours: late }).success).toBe(false);
  });

  it('keeps one form of each phone number and e-mail address', () => {
    expect(normalizePhone('06 12-34.56 78')).toBe('+212612345678');
    expect(normalizePhone('00212 612345678')).toBe('+212612345678');
    expect(normalizePhone('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizeEmail(' A@B.MA ')).toBe('a@b.ma');
    expect(normalizeEmail('nope')).toBeNull();
  });
});
