import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSynthesis, synthesise, withFiles } from '../../scripts/audioSynthesis';
import { audioManifestSchema, type AudioManifest } from '../../src/domain/audioPrompts';
import { catalogueSchema } from '../../src/domain/catalogue';

const root = path.resolve(import.meta.dirname, '../..');
const audioDir = path.join(root, 'assets/audio');
const shipped = audioManifestSchema.parse(JSON.parse(readFileSync(path.join(audioDir, 'manifest.json'), 'utf8')));

const text = { ar: 'نعم', zgh: 'ⵢⴰⵀ', fr: 'Oui', en: 'Yes' };
const tiny: AudioManifest = { version: 1, prompts: [{ id: 'choice.yes', text }] };

describe('planning which prompts to synthesise', () => {
  it('synthesises every language with an offline voice and reports Amazigh as lacking one', () => {
    const plan = planSynthesis(tiny, () => false);
    expect(plan.jobs.map((job) => [job.language, job.voice, job.path])).toEqual([
      ['ar', 'ar', 'ar/choice.yes.ogg'],
      ['fr', 'fr-fr', 'fr/choice.yes.ogg'],
      ['en', 'en-us', 'en/choice.yes.ogg'],
    ]);
    expect(plan.missingVoice).toEqual([{ promptId: 'choice.yes', language: 'zgh' }]);
  });

  it('keeps a file whose text has not changed, and makes it again when the text changes or the file is gone', () => {
    const first = planSynthesis(tiny, () => false);
    const done = withFiles(tiny, first.jobs.map((job) => ({ job, file: { path: job.path, voice: `espeak-ng ${job.voice}`, sourceHash: job.sourceHash } })));
    expect(planSynthesis(done, () => true)).toMatchObject({ jobs: [], upToDate: 3 });
    expect(planSynthesis(done, (file) => file !== 'fr/choice.yes.ogg').jobs.map((job) => job.language)).toEqual(['fr']);
    const edited: AudioManifest = { ...done, prompts: [{ ...done.prompts[0]!, text: { ...text, en: 'Yes, please' } }] };
    expect(planSynthesis(edited, () => true).jobs.map((job) => job.language)).toEqual(['en']);
  });

  it('says a language name only in its own language, through another voice when it has none', () => {
    const names: AudioManifest = {
      version: 1,
      prompts: [{ id: 'language.zgh', text: { ar: 'ⵜⴰⵎⴰⵣⵉⵖⵜ', zgh: 'ⵜⴰⵎⴰⵣⵉⵖⵜ', fr: 'ⵜⴰⵎⴰⵣⵉⵖⵜ', en: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' }, spokenIn: 'zgh', speakAs: { zgh: { voice: 'ar', text: 'تامازيغت' } } }],
    };
    const plan = planSynthesis(names, () => false);
    expect(plan.jobs).toMatchObject([{ language: 'zgh', voice: 'ar', text: 'تامازيغت', path: 'zgh/language.zgh.ogg' }]);
    expect(plan.missingVoice).toEqual([]);
  });
});

describe('the shipped prompts', () => {
  it('are all synthesised and up to date (run npm run audio:build after editing the manifest)', () => {
    const plan = planSynthesis(shipped, (file) => existsSync(path.join(audioDir, file)));
    expect(plan.jobs.map((job) => job.path)).toEqual([]);
  });

  it('speak every screen of the citizen flow and every service of the default catalogue', async () => {
    const ids = new Set(shipped.prompts.map((prompt) => prompt.id));
    for (const screen of ['attract', 'home', 'catalogue', 'service', 'identity', 'fields', 'review', 'consent', 'saving', 'saveFailed', 'receipt', 'lookup']) {
      expect(ids, screen).toContain(`screen.${screen}`);
    }
    const catalogue = catalogueSchema.parse(JSON.parse(await readFile(path.join(root, 'assets/catalogue/default-catalogue.json'), 'utf8')));
    for (const service of catalogue.services) expect(ids).toContain(`service.${service.id}`);
    for (const language of ['ar', 'zgh', 'fr', 'en']) expect(ids).toContain(`language.${language}`);
  });

  it('give each language name its own voice, Amazigh included', () => {
    for (const language of ['ar', 'zgh', 'fr', 'en'] as const) {
      const prompt = shipped.prompts.find((candidate) => candidate.id === `language.${language}`);
      expect(prompt?.files?.[language]?.path).toBe(`${language}/language.${language}.ogg`);
    }
  });
});

describe('synthesis with espeak-ng and sox', () => {
  it('writes a small Ogg Vorbis file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'audio-test-'));
    try {
      const [job] = planSynthesis(tiny, () => false).jobs;
      const file = await synthesise(job!, dir);
      const bytes = await readFile(path.join(dir, file.path));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
      expect(bytes.includes(Buffer.from('vorbis'))).toBe(true);
      expect(bytes.length).toBeLessThan(20_000);
      expect(file.voice).toBe('espeak-ng ar');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
