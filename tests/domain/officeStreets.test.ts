import { describe, expect, it } from 'vitest';
import { officeIdentitySchema } from '../../src/domain/officeIdentity';
import { addressOf, foldForSearch, OFFICE_STREETS_MAX, parseStreetList, splitTypedAddress, streetOfAddress, streetsMatching } from '../../src/domain/officeStreets';

const STREETS = [
  { latin: 'Avenue Mohammed V', ar: 'شارع محمد الخامس' },
  { latin: 'Rue Atlas', ar: 'زنقة الأطلس' },
  { latin: 'Rue Al Andalous', ar: 'زنقة الأندلس' },
  { latin: 'Rue Ibn Khaldoun', ar: 'زنقة ابن خلدون' },
  { latin: "Rue de l'Étoile", ar: 'زنقة النجمة' },
];
const latin = (streets: Array<{ latin: string }>) => streets.map((street) => street.latin);

describe("the annex's street list", () => {
  it.each([
    ['at', ['Rue Atlas']],
    ['AT', ['Rue Atlas']],
    ['a', ['Avenue Mohammed V', 'Rue Atlas', 'Rue Al Andalous']],
    ['rue at', ['Rue Atlas']],
    ['etoile', ["Rue de l'Étoile"]],
    ['l et', ["Rue de l'Étoile"]],
    ['الا', ['Rue Atlas', 'Rue Al Andalous']],
    ['الأطلس', ['Rue Atlas']],
    ['أط', ['Rue Atlas']],
    ['اند', ['Rue Al Andalous']],
    ['لس', []],
    ['زنقة ابن', ['Rue Ibn Khaldoun']],
    ['tlas', []],
    ['', latin(STREETS)],
  ])('finds the streets with a word starting with %j', (typed, expected) => {
    expect(latin(streetsMatching(STREETS, typed))).toEqual(expected);
  });

  it('folds what people type either way: accents, case, hamza on alif, short vowels, tatweel', () => {
    expect(foldForSearch('ÉTOILE')).toBe('etoile');
    expect(foldForSearch('الأطلـس')).toBe(foldForSearch('الاطلس'));
    expect(foldForSearch('مُحَمَّد')).toBe('محمد');
  });

  it('reads a house number typed before the street, and nothing else as one', () => {
    expect(splitTypedAddress('12 at')).toEqual({ houseNumber: '12', street: 'at' });
    expect(splitTypedAddress('12B rue')).toEqual({ houseNumber: '12B', street: 'rue' });
    expect(splitTypedAddress('١٢ ز')).toEqual({ houseNumber: '١٢', street: 'ز' });
    expect(splitTypedAddress('atlas')).toEqual({ houseNumber: '', street: 'atlas' });
    expect(splitTypedAddress('12')).toEqual({ houseNumber: '', street: '12' });
  });

  it("writes the address in the session's script and finds the street again in it", () => {
    const atlas = STREETS[1]!;
    expect(addressOf(atlas, '12', 'fr')).toBe('12 Rue Atlas');
    expect(addressOf(atlas, '12', 'ar')).toBe('12 زنقة الأطلس');
    expect(addressOf(atlas, ' ', 'en')).toBe('Rue Atlas');
    expect(streetOfAddress('12 Rue Atlas', STREETS, 'fr')).toEqual({ street: atlas, houseNumber: '12' });
    expect(streetOfAddress('Rue Atlas', STREETS, 'zgh')).toEqual({ street: atlas, houseNumber: '' });
    expect(streetOfAddress('12 زنقة الأطلس', STREETS, 'ar')).toEqual({ street: atlas, houseNumber: '12' });
    // Typed freely or changed after the pick: not the list's street any more.
    expect(streetOfAddress('12 Rue Atlas, Hay Salam', STREETS, 'fr')).toBeNull();
    expect(streetOfAddress('12 Rue Atla', STREETS, 'fr')).toBeNull();
    expect(streetOfAddress('12 زنقة الأطلس', STREETS, 'fr')).toBeNull();
  });

  it('reads the list an operator writes, and says which line is wrong', () => {
    expect(parseStreetList('\uFEFF# the annex\nRue Atlas;زنقة الأطلس\r\n\n Avenue Mohammed V ; شارع محمد الخامس \n')).toEqual({
      ok: true,
      streets: [
        { latin: 'Rue Atlas', ar: 'زنقة الأطلس' },
        { latin: 'Avenue Mohammed V', ar: 'شارع محمد الخامس' },
      ],
    });
    expect(parseStreetList('Rue Atlas;زنقة الأطلس\nRue Anoual')).toMatchObject({ ok: false, line: 2 });
    expect(parseStreetList('Rue Atlas;\u202Eزنقة')).toMatchObject({ ok: false, line: 1, reason: 'forbiddenCharacter' });
    expect(parseStreetList(';زنقة')).toMatchObject({ ok: false, line: 1 });
    expect(parseStreetList(Array.from({ length: OFFICE_STREETS_MAX + 1 }, (_, i) => `Rue ${i};زنقة ${i}`).join('\n'))).toMatchObject({ ok: false });
  });

  it('travels in the identity, absent for an office without a list', () => {
    const identity = { version: 1, names: { ar: 'م', zgh: 'ⵎ', fr: 'A', en: 'A' }, logo: null };
    expect(officeIdentitySchema.parse(identity).streets).toBeUndefined();
    expect(officeIdentitySchema.parse({ ...identity, streets: STREETS }).streets).toEqual(STREETS);
    expect(officeIdentitySchema.safeParse({ ...identity, streets: [{ latin: 'Rue', ar: '' }] }).success).toBe(false);
  });
});
