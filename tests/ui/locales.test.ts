import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_LOCALES } from '../../backoffice/console/src/i18n/consoleI18n';
import { LOCALES, type Locale } from '../../src/domain/locales';

const LOCALES_DIR = join(import.meta.dirname, '../../locales');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const [k, v] of flatten(value, path)) entries.set(k, v);
    else entries.set(path, value);
  }
  return entries;
}

const namespaces = [...new Set(LOCALES.flatMap((lng) => readdirSync(join(LOCALES_DIR, lng)).filter((f) => f.endsWith('.json'))))]
  .map((file) => file.replace(/\.json$/, ''))
  .sort();

/** The languages a namespace is offered in: the office console's own (ar, fr, en), every kiosk language for the rest. */
function languagesOf(namespace: string): readonly Locale[] {
  return namespace === 'console' ? CONSOLE_LOCALES : LOCALES;
}

function keysOf(lng: string, namespace: string): Map<string, unknown> {
  return flatten(JSON.parse(readFileSync(join(LOCALES_DIR, lng, `${namespace}.json`), 'utf8')) as Tree);
}

/** A key without its plural suffix: plural forms differ by language, the word they translate does not. */
function baseKeys(keys: Map<string, unknown>): string[] {
  return [...new Set([...keys.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')))].sort();
}

function placeholders(value: unknown): string[] {
  return [...String(value).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();
}

describe('the translations', () => {
  it('cover the namespaces of the citizen flow', () => {
    expect(namespaces).toEqual(expect.arrayContaining(['citizen', 'common', 'validation']));
  });

  describe.each(namespaces)('namespace %s', (namespace) => {
    it.each(languagesOf(namespace))('exists in %s', (lng) => {
      expect(readdirSync(join(LOCALES_DIR, lng))).toContain(`${namespace}.json`);
    });

    it('exists in no language it is not offered in (no stray copy of another language\'s text)', () => {
      const strays = LOCALES.filter((lng) => !languagesOf(namespace).includes(lng) && readdirSync(join(LOCALES_DIR, lng)).includes(`${namespace}.json`));
      expect(strays).toEqual([]);
    });

    it.each(languagesOf(namespace))('has in %s every key that another language has', (lng) => {
      const all = new Set(languagesOf(namespace).flatMap((other) => baseKeys(keysOf(other, namespace))));
      expect(baseKeys(keysOf(lng, namespace))).toEqual([...all].sort());
    });

    it.each(languagesOf(namespace))('has no empty value in %s', (lng) => {
      const empty = [...keysOf(lng, namespace)].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });

    it.each(languagesOf(namespace))('gives in %s every plural form the language needs', (lng) => {
      const keys = keysOf(lng, namespace);
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      const plurals = [...new Set([...keys.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')))];
      const missing = plurals.flatMap((base) => categories.filter((c) => !keys.has(`${base}_${c}`)).map((c) => `${base}_${c}`));
      expect(missing).toEqual([]);
    });

    it.each(languagesOf(namespace).filter((lng) => lng !== 'en'))('keeps in %s the placeholders of the English text', (lng) => {
      const english = keysOf('en', namespace);
      const mismatched = [...keysOf(lng, namespace)].filter(([key, value]) => {
        const isPlural = PLURAL_SUFFIX.test(key);
        const source = isPlural ? english.get(key.replace(PLURAL_SUFFIX, '_other')) : english.get(key);
        // A plural form may spell its number out ("ثانيتين": two seconds), so {{count}} is optional there.
        const expected = placeholders(source).filter((name) => !(isPlural && name === 'count'));
        const actual = placeholders(value).filter((name) => !(isPlural && name === 'count'));
        return expected.join() !== actual.join();
      });
      expect(mismatched.map(([key]) => key)).toEqual([]);
    });
  });

  it('writes Amazigh in Tifinagh, left to right', () => {
    const text = [...keysOf('zgh', 'citizen').values()].join(' ');
    expect(text).toMatch(/[\u2D30-\u2D7F]/u);
    expect(text).not.toMatch(/[\u0600-\u06FF]/u);
  });
});
