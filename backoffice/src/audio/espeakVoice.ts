/**
 * The one way Shubbak turns text into a spoken prompt: Debian's `espeak-ng` says it, `sox`
 * compresses it. Used at build time for the manifest's prompts (`scripts/audioSynthesis.ts`,
 * `npm run audio:build`) and by the back office for the office's street names
 * (`streetVoices.ts`), so both sound alike and are made alike.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locale } from '../../../src/domain/locales';

const run = promisify(execFile);

/** espeak-ng voices on Debian 12. Amazigh has none: its prompts wait for a staff recording (or a `speakAs`). */
export const ESPEAK_VOICES: Readonly<Partial<Record<Locale, string>>> = { ar: 'ar', fr: 'fr-fr', en: 'en-us' };

/** Words per minute: a little slower than espeak's 175, for listeners who hear the kiosk for the first time. */
export const WORDS_PER_MINUTE = 140;

/** What the file is made from (synthesiser, voice, speed, text): the same source gives the same sound. */
export function synthesisSourceHash(voice: string, text: string): string {
  return createHash('sha256').update(`espeak-ng|${voice}|${WORDS_PER_MINUTE}|${text}`).digest('hex').slice(0, 16);
}

export interface SpeakOptions {
  voice: string;
  text: string;
  /** The Ogg file to write (its folder is created). */
  target: string;
  /** Each program is killed after this long (the back office's synthesis must never hang). */
  timeoutMs?: number;
  /** Runs both programs at the lowest CPU priority (the back office's background work yields to its requests). */
  lowPriority?: boolean;
}

/**
 * espeak-ng writes a 22 kHz WAV; sox makes it mono 16 kHz Ogg Vorbis at quality 1 (about
 * 3 KB a second of speech), which Chromium plays natively and Electron ships without a codec.
 * The text is passed after `--`, as an argument: never through a shell.
 */
export async function speakToOgg({ voice, text, target, timeoutMs = 0, lowPriority = false }: SpeakOptions): Promise<void> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'shubbak-audio-'));
  const program = (file: string, args: string[]) => {
    const running = run(file, args, { timeout: timeoutMs });
    if (lowPriority && running.child.pid !== undefined) yieldCpu(running.child.pid);
    return running;
  };
  try {
    const wav = path.join(scratch, 'prompt.wav');
    await program('espeak-ng', ['-v', voice, '-s', String(WORDS_PER_MINUTE), '-w', wav, '--', text]);
    await mkdir(path.dirname(target), { recursive: true });
    await program('sox', [wav, '-r', '16000', '-c', '1', '-C', '1', target]);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The lowest priority for a child that just started; one that already ended is no matter. */
function yieldCpu(pid: number): void {
  try {
    setPriority(pid, 19);
  } catch {
    // Gone already, or not allowed here: it runs at the normal priority, which is only slower for others.
  }
}

/** Whether both programs answer on this machine (`--version`), within the timeout. */
export async function canSpeak(timeoutMs = 5_000): Promise<boolean> {
  try {
    await run('espeak-ng', ['--version'], { timeout: timeoutMs });
    await run('sox', ['--version'], { timeout: timeoutMs });
    return true;
  } catch {
    return false;
  }
}
