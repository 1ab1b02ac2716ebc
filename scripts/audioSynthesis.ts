/**
 * What `npm run audio:build` does, as functions a test can call: plan which prompts need a
 * (new) synthetic recording, synthesise one with espeak-ng and compress it with sox, and report
 * the prompts that still have no voice. The synthesiser and the encoder are Debian packages
 * (`espeak-ng`, `sox`): offline, on the build machine only; the kiosk ships the files. Voices,
 * speed and format are in `backoffice/src/audio/espeakVoice.ts`, shared with the back office,
 * which says the office's street names the same way.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ESPEAK_VOICES, speakToOgg, synthesisSourceHash } from '../backoffice/src/audio/espeakVoice';
import type { AudioManifest, AudioPrompt, PromptFile } from '../src/domain/audioPrompts';
import { LOCALES, type Locale } from '../src/domain/locales';

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
      const hash = synthesisSourceHash(voice, text);
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

/** Writes the job's file under `audioDir` (espeak-ng, then sox: `backoffice/src/audio/espeakVoice.ts`). */
export async function synthesise(job: SynthesisJob, audioDir: string): Promise<PromptFile> {
  await speakToOgg({ voice: job.voice, text: job.text, target: path.join(audioDir, job.path) });
  return { path: job.path, voice: `espeak-ng ${job.voice}`, sourceHash: job.sourceHash };
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
