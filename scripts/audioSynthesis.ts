/**
 * What `npm run audio:build` does, as functions a test can call: plan which prompts need a
 * (new) synthetic recording, synthesise one with espeak-ng and compress it with sox, and report
 * the prompts that still have no voice. The synthesiser and the encoder are Debian packages
 * (`espeak-ng`, `sox`): offline, on the build machine only; the kiosk ships the files.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AudioManifest, AudioPrompt, PromptFile } from '../src/domain/audioPrompts';
import { LOCALES, type Locale } from '../src/domain/locales';

const run = promisify(execFile);

/** espeak-ng voices on Debian 12. Amazigh has none: its prompts wait for a staff recording (or a `speakAs`). */
export const ESPEAK_VOICES: Readonly<Partial<Record<Locale, string>>> = { ar: 'ar', fr: 'fr-fr', en: 'en-us' };

/** Words per minute: a little slower than espeak's 175, for listeners who hear the kiosk for the first time. */
const WORDS_PER_MINUTE = 140;

export interface SynthesisJob {
  promptId: string;
  language: Locale;
  voice: string;
  text: string;
  path: string;
  sourceHash: string;
}

export interface SynthesisPlan {
  jobs: SynthesisJob[];
  upToDate: number;
  /** Prompt and language pairs no offline voice can say. */
  missingVoice: { promptId: string; language: Locale }[];
}

function sourceHash(voice: string, text: string): string {
  return createHash('sha256').update(`espeak-ng|${voice}|${WORDS_PER_MINUTE}|${text}`).digest('hex').slice(0, 16);
}

function languagesOf(prompt: AudioPrompt): readonly Locale[] {
  return prompt.spokenIn ? [prompt.spokenIn] : LOCALES;
}

/** `exists(path)` says whether the file for a manifest entry is on disk (relative to assets/audio). */
export function planSynthesis(manifest: AudioManifest, exists: (relativePath: string) => boolean): SynthesisPlan {
  const plan: SynthesisPlan = { jobs: [], upToDate: 0, missingVoice: [] };
  for (const prompt of manifest.prompts) {
    for (const language of languagesOf(prompt)) {
      const substitute = prompt.speakAs?.[language];
      const voice = ESPEAK_VOICES[substitute?.voice ?? language];
      if (!voice) {
        plan.missingVoice.push({ promptId: prompt.id, language });
        continue;
      }
      const text = substitute?.text ?? prompt.text[language];
      const hash = sourceHash(voice, text);
      const current = prompt.files?.[language];
      if (current && current.sourceHash === hash && exists(current.path)) {
        plan.upToDate += 1;
        continue;
      }
      plan.jobs.push({ promptId: prompt.id, language, voice, text, path: `${language}/${prompt.id}.ogg`, sourceHash: hash });
    }
  }
  return plan;
}

/**
 * espeak-ng writes a 22 kHz WAV; sox makes it mono 16 kHz Ogg Vorbis at quality 1 (about
 * 3 KB a second of speech), which Chromium plays natively and Electron ships without a codec.
 */
export async function synthesise(job: SynthesisJob, audioDir: string): Promise<PromptFile> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'shubbak-audio-'));
  try {
    const wav = path.join(scratch, 'prompt.wav');
    await run('espeak-ng', ['-v', job.voice, '-s', String(WORDS_PER_MINUTE), '-w', wav, '--', job.text]);
    const target = path.join(audioDir, job.path);
    await mkdir(path.dirname(target), { recursive: true });
    await run('sox', [wav, '-r', '16000', '-c', '1', '-C', '1', target]);
    return { path: job.path, voice: `espeak-ng ${job.voice}`, sourceHash: job.sourceHash };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The manifest with the new files recorded against their prompts (entries for other prompts kept). */
export function withFiles(manifest: AudioManifest, made: readonly { job: SynthesisJob; file: PromptFile }[]): AudioManifest {
  return {
    ...manifest,
    prompts: manifest.prompts.map((prompt) => {
      const mine = made.filter(({ job }) => job.promptId === prompt.id);
      if (mine.length === 0) return prompt;
      const files = { ...prompt.files };
      for (const { job, file } of mine) files[job.language] = file;
      return { ...prompt, files };
    }),
  };
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
