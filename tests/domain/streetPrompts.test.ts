import { describe, expect, it } from 'vitest';
import { isStreetPromptId, promptIdSchema, PROMPT_FALLBACK, resolvePrompt, STREET_PROMPT_KEY_MAX_LENGTH } from '../../src/domain/audioPrompts';
import { parseStreetList } from '../../src/domain/officeStreets';
import { isPromptOfStreets, streetPrompt, streetPromptId, streetPromptKey, streetPrompts } from '../../src/domain/streetPrompts';
import { DEMO_STREETS } from '../../backoffice/src/cli/demoOffice';

describe("a street's prompt id", () => {
  it.each([
    ['Rue Ibn Battouta', 'rue_ibn_battouta'],
    ["Rue de l'Étoile", 'rue_de_l_etoile'],
    ['Avenue 2 Mars', 'avenue_C_mars'],
    ['20 Août', 'sCA_aout'],
    ['  Boulevard  Al-Massira. ', 'boulevard_al_massira'],
    ['RUE ATLAS', 'rue_atlas'],
  ])('folds %j to the key %j', (latin, key) => {
    expect(streetPromptKey(latin)).toBe(key);
    expect(streetPromptId({ latin })).toBe(`street.${key}`);
    expect(promptIdSchema.safeParse(`street.${key}`).success).toBe(true);
  });

  it('keeps a long name within the bound, distinct from another with the same start', () => {
    const start = 'Boulevard Moulay Abdellah Ben Abderrahmane Al Alaoui';
    const one = streetPromptKey(`${start} Nord`);
    const other = streetPromptKey(`${start} Sud`);
    expect(one.length).toBeLessThanOrEqual(STREET_PROMPT_KEY_MAX_LENGTH);
    expect(one).toMatch(/^boulevard_moulay_abdellah_[a-z_]*_[a-z]{7}$/);
    expect(one).not.toBe(other);
    expect(streetPromptKey(`${start} Nord`)).toBe(one);
  });

  it('gives a name with no Latin letter its hash, still a valid id', () => {
    const id = streetPromptId({ latin: 'زنقة' });
    expect(id).toMatch(/^street\.s[a-z]{7}$/);
    expect(promptIdSchema.safeParse(id).success).toBe(true);
  });

  it('keeps every key inside the pattern earlier kiosks check ids with (no digit)', () => {
    const earlierPattern = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z_]*$/;
    for (const latin of ['Avenue 2 Mars', '20 Août', 'زنقة', 'Rue 11 Janvier 1944', `Boulevard ${'x'.repeat(80)} 9`]) {
      expect(streetPromptId({ latin })).toMatch(earlierPattern);
    }
  });

  it.each(['street.', 'street._x', 'street.Rue', 'street.rue-atlas', 'street.avenue_2_mars', 'street.2_mars', `street.${'a'.repeat(STREET_PROMPT_KEY_MAX_LENGTH + 1)}`, 'street.rue atlas', `screen.${'a'.repeat(80)}`])(
    'refuses %j as a prompt id',
    (id) => {
      expect(promptIdSchema.safeParse(id).success).toBe(false);
      expect(isStreetPromptId(id)).toBe(false);
    },
  );

  it('still accepts the manifest ids', () => {
    expect(promptIdSchema.safeParse('choice.findStreet').success).toBe(true);
    expect(promptIdSchema.safeParse('service.non_remarriage').success).toBe(true);
    expect(isStreetPromptId('choice.street')).toBe(false);
  });

  it('gives each of the demo office streets its own id', () => {
    const ids = DEMO_STREETS.map(streetPromptId);
    expect(new Set(ids).size).toBe(DEMO_STREETS.length);
    expect(ids).toContain('street.rue_ibn_battouta');
  });
});

describe('the streets as prompts to record and to say', () => {
  const atlas = { latin: 'Rue Atlas', ar: 'زنقة الأطلس' };

  it('asks staff for the Arabic name in ar and zgh and the Latin name in fr and en', () => {
    expect(streetPrompt(atlas)).toEqual({ id: 'street.rue_atlas', text: { ar: 'زنقة الأطلس', zgh: 'زنقة الأطلس', fr: 'Rue Atlas', en: 'Rue Atlas' } });
  });

  it('lists one prompt per id, in the list order', () => {
    const prompts = streetPrompts([atlas, { latin: 'Rue Anoual', ar: 'زنقة أنوال' }, { latin: 'rue atlas', ar: 'زنقة الأطلس' }]);
    expect(prompts.map((prompt) => prompt.id)).toEqual(['street.rue_atlas', 'street.rue_anoual']);
  });

  it("knows a street of the office's list and nothing else", () => {
    expect(isPromptOfStreets('street.rue_atlas', [atlas])).toBe(true);
    expect(isPromptOfStreets('street.rue_anoual', [atlas])).toBe(false);
    expect(isPromptOfStreets('choice.yes', [atlas])).toBe(false);
  });

  it("says a French or English session the Latin name in whichever of the two was recorded, Amazigh the Arabic one", () => {
    const recorded = new Set(['fr', 'ar']);
    const sources = { recorded: (_id: string, language: string) => (recorded.has(language) ? `blob:${language}` : null), shipped: () => null };
    expect(resolvePrompt({ id: 'street.rue_atlas' }, 'en', sources)).toEqual({ url: 'blob:fr', language: 'fr', origin: 'recorded' });
    expect(resolvePrompt({ id: 'street.rue_atlas' }, 'zgh', sources)).toEqual({ url: 'blob:ar', language: 'ar', origin: 'recorded' });
    // The manifest's prompts keep their chain: English has no French fallback there.
    expect(PROMPT_FALLBACK.en).toEqual(['en']);
    expect(resolvePrompt({ id: 'choice.yes' }, 'en', sources)).toBeNull();
  });

  it("says the back office's synthesised name only where no staff take of the chain exists, as synthesised", () => {
    // Synthesised: ar and fr (what the back office makes); staff recorded English only.
    const takes = new Map([['ar', 'synthesised'], ['fr', 'synthesised'], ['en', 'staff']]);
    const sources = {
      recorded: (_id: string, language: string) => (takes.has(language) ? `blob:${language}` : null),
      shipped: () => null,
      synthesisedTake: (_id: string, language: string) => takes.get(language) === 'synthesised',
    };
    expect(resolvePrompt({ id: 'street.rue_atlas' }, 'fr', sources)).toEqual({ url: 'blob:en', language: 'en', origin: 'recorded' });
    expect(resolvePrompt({ id: 'street.rue_atlas' }, 'en', sources)).toEqual({ url: 'blob:en', language: 'en', origin: 'recorded' });
    expect(resolvePrompt({ id: 'street.rue_atlas' }, 'ar', sources)).toEqual({ url: 'blob:ar', language: 'ar', origin: 'synthesised' });
    expect(resolvePrompt({ id: 'street.rue_atlas' }, 'zgh', sources)).toEqual({ url: 'blob:ar', language: 'ar', origin: 'synthesised' });
  });
});

describe('a street list with one street twice', () => {
  it('is refused when two Latin names differ only by case, accents or punctuation', () => {
    expect(parseStreetList('Rue Atlas;زنقة الأطلس\nRue Anoual;زنقة أنوال\nrue atlas.;زنقة الأطلس')).toEqual({ ok: false, line: 3, reason: 'the same Latin name as line 1' });
  });
});
