import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import defaultCatalogue from '../../assets/catalogue/default-catalogue.json';
import { catalogueSchema, type Catalogue, type Service } from '../../src/domain/catalogue';
import { LOCALES, type LocalizedText } from '../../src/domain/locales';
import { DEFAULT_CATALOGUE } from '../../src/storage/defaultCatalogue';
import { GENERIC_PICTOGRAM, hasPictogram, pictogramUrl } from '../../src/ui/pictograms';

const raw: unknown = defaultCatalogue;
const catalogue: Catalogue = catalogueSchema.parse(raw);
const byId = (id: string): Service => catalogue.services.find((s) => s.id === id)!;

/** Every text a citizen may read for one service, with where it sits (for a readable failure). */
function textsOf(service: Service): Array<[string, LocalizedText]> {
  return [
    [`${service.id}.name`, service.name],
    [`${service.id}.description`, service.description],
    [`${service.id}.delay`, service.delay],
    ...service.documents.map((doc, i): [string, LocalizedText] => [`${service.id}.documents[${i}]`, doc]),
    ...service.fields.flatMap((field): Array<[string, LocalizedText]> => [
      [`${service.id}.${field.key}.label`, field.label],
      ...(field.hint ? [[`${service.id}.${field.key}.hint`, field.hint] as [string, LocalizedText]] : []),
      ...(field.options ?? []).map((o): [string, LocalizedText] => [`${service.id}.${field.key}.${o.value}`, o.label]),
    ]),
  ];
}
const allTexts = catalogue.services.flatMap(textsOf);

/** Tifinagh letters (U+2D30–U+2D7F) with digits, spaces and the punctuation Tifinagh text borrows. */
const TIFINAGH_TEXT = /^[\u2D30-\u2D7F0-9\s.,;:?!()«»'’-]+$/u;
const HAS_TIFINAGH_LETTER = /[\u2D30-\u2D6F]/u;
const HAS_ARABIC_LETTER = /[\u0621-\u064A]/u;

describe('the default service catalogue', () => {
  it('is valid against the catalogue schema, version 1', () => {
    expect(catalogueSchema.safeParse(raw).success).toBe(true);
    expect(catalogue.version).toBe(1);
  });

  it('is what the kiosk boots with unparsed: the schema gives the file back unchanged (src/storage/defaultCatalogue.ts)', () => {
    expect(catalogueSchema.parse(raw)).toStrictEqual(raw);
    expect(DEFAULT_CATALOGUE).toStrictEqual(catalogue);
  });

  it('holds the nine starting services, all active', () => {
    expect(catalogue.services.map((s) => s.id)).toEqual([
      'residence', 'life', 'single', 'non_remarriage', 'signature', 'certified_copy', 'birth_extract', 'kinship', 'indigence',
    ]);
    expect(catalogue.services.every((s) => s.active)).toBe(true);
  });

  it.each(catalogue.services.map((s) => [s.id, s.pictogram]))('has a pictogram file for %s (%s)', (_id, pictogram) => {
    expect(hasPictogram(pictogram)).toBe(true);
    expect(pictogramUrl(pictogram)).not.toBe(pictogramUrl(GENERIC_PICTOGRAM));
  });

  it("uses the pictograms reviewed for meaning, never the ones that misread (a ring for single, a heart for life, crossed rings for non-remarriage)", () => {
    expect([byId('single').pictogram, byId('life').pictogram, byId('non_remarriage').pictogram]).toEqual(['person-single', 'person-present', 'person-one-ring']);
    for (const service of catalogue.services) expect(['ring', 'ring-crossed', 'person-heart']).not.toContain(service.pictogram);
  });

  it("is described as it is in docs/catalogue.md's pictogram table", () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/catalogue.md'), 'utf8');
    const table = doc.split(/^## /m).find((section) => section.startsWith('Pictograms')) ?? '';
    const documented = Object.fromEntries([...table.matchAll(/^\| ([a-z_]+) \| `([a-z-]+)`/gm)].map((row) => [row[1], row[2]]));
    expect(documented).toEqual(Object.fromEntries(catalogue.services.map((service) => [service.id, service.pictogram])));
  });

  it('falls back to the generic pictogram for a name this build does not ship', () => {
    expect(hasPictogram(GENERIC_PICTOGRAM)).toBe(true);
    expect(pictogramUrl('a-service-added-later')).toBe(pictogramUrl(GENERIC_PICTOGRAM));
  });

  it.each(allTexts)('gives %s in every language', (_where, text) => {
    for (const locale of LOCALES) expect(text[locale].trim()).not.toBe('');
  });

  it.each(allTexts)('writes %s in Tifinagh script for zgh', (_where, text) => {
    expect(text.zgh).toMatch(TIFINAGH_TEXT);
    expect(text.zgh).toMatch(HAS_TIFINAGH_LETTER);
  });

  it.each(allTexts)('writes %s in Arabic script for ar', (_where, text) => {
    expect(text.ar).toMatch(HAS_ARABIC_LETTER);
  });

  it.each([
    ['single', 2, true],
    ['kinship', 0, true],
    ['indigence', 0, true],
    ['residence', null, false],
    ['birth_extract', null, false],
  ] as const)('charges %s %s DH (confirmed: %s)', (id, amountMad, confirmed) => {
    expect(byId(id).fee).toEqual({ amountMad, confirmed });
  });

  it('keeps every unconfirmed fee unknown rather than guessed', () => {
    for (const service of catalogue.services) if (!service.fee.confirmed) expect(service.fee.amountMad).toBeNull();
  });

  // A signature is signed before the agent, a copy checked against its original, and a life certificate needs the person alive before the agent (docs/catalogue.md).
  it.each(catalogue.services.map((s) => [s.id, s.returnToCounter]))('says whether %s is finished in person at the counter (%s)', (id, back) => {
    expect(back).toBe(id === 'signature' || id === 'certified_copy' || id === 'life');
  });

  it("routes birth extracts to the commune of birth, legalisations to the commune's legalisation office, the rest to the annex", () => {
    const expected = (id: string) => (id === 'birth_extract' ? 'commune-of-birth' : id === 'signature' || id === 'certified_copy' ? 'commune-legalisation-office' : 'annex');
    for (const service of catalogue.services) expect(service.handledBy).toBe(expected(service.id));
  });

  it('asks for the birth act by commune, number and year', () => {
    expect(byId('birth_extract').fields.map((f) => [f.key, f.kind])).toEqual([
      ['communeOfBirth', 'text'],
      ['actNumber', 'digits'],
      ['actYear', 'year'],
    ]);
  });

  it('offers every field option as a distinct value', () => {
    for (const service of catalogue.services)
      for (const field of service.fields) {
        if (field.kind === 'select') expect(field.options?.length).toBeGreaterThan(0);
        const values = (field.options ?? []).map((o) => o.value);
        expect(new Set(values).size).toBe(values.length);
      }
  });
});

const svgSources = import.meta.glob<string>('../../assets/pictograms/*.svg', { eager: true, query: '?raw', import: 'default' });
const pictograms = Object.entries(svgSources).map(([path, source]) => [path.slice(path.lastIndexOf('/') + 1), source] as const);

describe('the pictograms', () => {
  it.each(pictograms)('draws %s on a 96×96 view box in the theme colour', (_file, svg) => {
    expect(svg).toMatch(/<svg [^>]*viewBox="0 0 96 96"/);
    expect(svg).toContain('currentColor');
    // Only the mask helpers may name another colour (black and white are mask values, not paint).
    for (const colour of svg.matchAll(/(?:fill|stroke)="(#[0-9a-fA-F]+)"/g)) expect(['#fff', '#000']).toContain(colour[1]);
  });

  it.each(pictograms)('keeps %s free of text, scripts and external references', (_file, svg) => {
    expect(svg).not.toMatch(/<(text|script|image|foreignObject|style)\b/);
    expect(svg).not.toMatch(/(?:href|src)=/);
    expect(svg).not.toMatch(/url\((?!#)/);
  });
});

