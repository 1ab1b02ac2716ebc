import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import audioManifest from '../../assets/audio/manifest.json';
import defaultCatalogue from '../../assets/catalogue/default-catalogue.json';
import { LOCALES, type Locale } from '../../src/domain/locales';
import { bundledLocaleFiles } from '../../src/i18n/localeBundles';
import { formatDate } from '../../src/i18n/format';

/**
 * One term per concept (locales/glossary.json): a citizen text that uses another word for a
 * glossary concept fails here, with the text and the word named. Citizen texts are every
 * namespace but the supervisor's, the default catalogue and the spoken prompts (the audio manifest's
 * texts: heard by citizens, shown to staff who record them); a rule marked `everywhere` covers
 * the supervisor's too. A word matches whole (not inside a longer word) unless the rule is a
 * `part` of words (a prefix, a letter).
 */

const LOCALES_DIR = join(import.meta.dirname, '../../locales');
/** Rooms other than the kiosk's citizen screens: staff texts, and the public verification page (its own room). */
const STAFF_NAMESPACES = ['supervisor', 'console', 'verify'];

interface Rule {
  term: string;
  avoid: string[];
  everywhere?: boolean;
  part?: boolean;
}
type Glossary = Record<Locale, Record<string, Rule>>;
const glossary = JSON.parse(readFileSync(join(LOCALES_DIR, 'glossary.json'), 'utf8')) as Glossary & { $comment: string };

type Tree = { [key: string]: unknown };

function stringsOf(tree: unknown, where: string): Array<{ where: string; text: string }> {
  if (typeof tree === 'string') return [{ where, text: tree }];
  if (Array.isArray(tree)) return tree.flatMap((each, index) => stringsOf(each, `${where}[${index}]`));
  if (tree && typeof tree === 'object') return Object.entries(tree as Tree).flatMap(([key, value]) => stringsOf(value, `${where}.${key}`));
  return [];
}

/** Every catalogue text in `locale`: the localized objects' `locale` member. */
function catalogueTexts(node: unknown, locale: Locale, where = 'catalogue'): Array<{ where: string; text: string }> {
  if (Array.isArray(node)) return node.flatMap((each, index) => catalogueTexts(each, locale, `${where}[${index}]`));
  if (!node || typeof node !== 'object') return [];
  const record = node as Tree;
  if (LOCALES.every((each) => typeof record[each] === 'string')) return [{ where, text: record[locale] as string }];
  return Object.entries(record).flatMap(([key, value]) => catalogueTexts(value, locale, `${where}.${key}`));
}

function namespacesOf(locale: Locale, staffToo: boolean): string[] {
  return readdirSync(join(LOCALES_DIR, locale))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .filter((namespace) => staffToo || !STAFF_NAMESPACES.includes(namespace));
}

function textsOf(locale: Locale, staffToo: boolean): Array<{ where: string; text: string }> {
  return [
    ...namespacesOf(locale, staffToo).flatMap((namespace) => stringsOf(JSON.parse(readFileSync(join(LOCALES_DIR, locale, `${namespace}.json`), 'utf8')), `${locale}/${namespace}`)),
    ...catalogueTexts(defaultCatalogue, locale),
    ...audioManifest.prompts.map((prompt) => ({ where: `audio/${prompt.id}`, text: prompt.text[locale] })),
  ];
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matcher(word: string, part: boolean): RegExp {
  return part ? new RegExp(escape(word), 'u') : new RegExp(`(?<![\\p{L}\\p{M}])${escape(word)}(?![\\p{L}\\p{M}])`, 'iu');
}

/** What breaks the glossary in `locale`; `texts(staffToo)` gives the texts a rule sees (staff texts only for `everywhere` rules). */
function violations(locale: Locale, texts: (staffToo: boolean) => Array<{ where: string; text: string }>): string[] {
  const found: string[] = [];
  for (const [concept, rule] of Object.entries(glossary[locale])) {
    for (const word of rule.avoid) {
      const pattern = matcher(word, rule.part === true);
      for (const { where, text } of texts(rule.everywhere === true)) if (pattern.test(text)) found.push(`${where}: "${word}" for ${concept} (use ${rule.term}): ${text}`);
    }
  }
  return found;
}

describe('the terminology glossary', () => {
  it.each(LOCALES)('holds in %s: no citizen text uses another word for a glossary concept', (locale) => {
    expect(violations(locale, (staffToo) => textsOf(locale, staffToo))).toEqual([]);
  });

  it('reads every namespace the kiosk ships, in every language (rules marked everywhere, staff texts too)', () => {
    const shipped = bundledLocaleFiles();
    expect(shipped.length).toBeGreaterThan(0);
    for (const [language, namespace] of shipped) expect(namespacesOf(language as Locale, true), `${language}/${namespace}`).toContain(namespace);
  });

  // The Tifinagh forms a reader found beside the majority term (issue 13), as they stood: each is
  // refused wherever it appears, the supervisor's texts included.
  it.each([
    ['supervisor', 'ⴰⵔ ⵉⵜⵜⵓⵙⵙⵉⵡⵍ…', 'check'],
    ['supervisor', 'ⵓⵔ ⵉⵜⵜⵓⵙⵙⵉⵡⵍ ⵓⵙⵏⴰⵍ. ⴰⵍⵙ ⵜⵉⵔⵎⵜ.', 'check'],
    ['supervisor', 'ⴰⵙⵏⵜⵎ ⴰ ⵉⵙⵙⵉⵡⵍ ⵜⴰⵎⵙⵙⵉⵣⴳⵜ. ⵓⵔ ⵉⴳⵉ ⵜⵓⵜⵔⴰ.', 'check'],
    ['supervisor', 'ⵓⵔ ⵜⵜⵓⴼⴰ ⵜⵎⵙⵙⵉⵣⴳⵜ. ⵙⵙⵉⵡⵍ ⵉⵙⵎ ⵏⵏⵙ ⴷ ⵓⵙⵍⴽⵉ.', 'check'],
    ['validation', 'ⵥⵕ ⴰⵙⴳⴳⵯⴰⵙ.', 'checkSpelling'],
    ['portal', 'ⵜⵥⴹⴰⵕⴷ ⴰⴷ ⵜⵥⵕⴷ ⵉⵙⴼⴽⴰ ⵏⵏⴽ', 'checkSpelling'],
    ['journey', 'ⵜⵜⵡⴰⵙⵔ ⵙ ⵓⵙⵓⵜⵔ ⵏⵏⴽ', 'request'],
    ['citizen', 'ⴰⴷ ⵏⵃⴹⵓ ⴰⵙⵓⵜⵔ ⵏⵏⴽ', 'request'],
    ['refusal', 'ⵜⴰⵙⵓⵜⵔⴰ ⵜⵜⵓⵙⵏⴼⵍ ⵙⵉⵏ ⵏ ⵜⵉⴽⴽⴰⵍ', 'request'],
    ['supervisor', 'ⵜⴰⵙⵓⵜⵔⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ', 'request'],
    ['citizen', 'ⴰⵎⴷⵢⴰ 4821 ⴷ 1987: 48211987', 'forExample'],
    ['supervisor', 'ⴰⵏⵙⵓⴼ ⵢⵉⵙⵡⵏ', 'welcome'],
  ])('refuses in zgh/%s the minority form in "%s" (%s)', (namespace, text, concept) => {
    const staff = STAFF_NAMESPACES.includes(namespace);
    const found = violations('zgh', (staffToo) => (staff && !staffToo ? [] : [{ where: `zgh/${namespace}`, text }]));
    expect(found.some((each) => each.includes(`for ${concept} `))).toBe(true);
  });

  it('catches a text that breaks it (the check itself works)', () => {
    expect(matcher('تحقق', false).test('المرجو التحقق من الرمز')).toBe(false);
    expect(matcher('تحقق', false).test('تحقق من الرمز')).toBe(true);
    expect(matcher('ⵜⵜⵓⴰ', true).test('ⵉⵜⵜⵓⴰⵣⵏ')).toBe(true);
  });
});

describe('dates in Tifinagh', () => {
  it.each([
    ['1990-04-12', '12 ⵉⴱⵔⵉⵔ 1990'],
    ['2026-11-27', '27 ⵏⵓⵡⴰⵏⴱⵉⵔ 2026'],
    ['2000-01-01', '1 ⵉⵏⵏⴰⵢⵔ 2000'],
  ])('writes %s with the Amazigh month name: %s', (iso, shown) => {
    expect(formatDate(iso, 'zgh')).toBe(shown);
  });

  it('never falls back to Latin letters, whatever the month', () => {
    for (let month = 1; month <= 12; month += 1) {
      expect(formatDate(`2026-${String(month).padStart(2, '0')}-15`, 'zgh')).not.toMatch(/[A-Za-z]/);
    }
  });
});
