import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locale } from '../../../src/domain/locales';
import type { OfficeStreet } from '../../../src/domain/officeStreets';
import { streetPrompts } from '../../../src/domain/streetPrompts';
import type { Store } from '../store/types';
import { canSpeak, ESPEAK_VOICES, speakToOgg, synthesisSourceHash } from './espeakVoice';

/**
 * Each street of an office said by name (issue 13, h13-streetvoice): while staff have not
 * recorded a street, its kiosks play a take the back office synthesised with espeak-ng rather
 * than the generic "a street of the annex". The takes are stored as `synthesised` prompt
 * recordings (migration 016) and reach the kiosks through the same list and fetch as staff
 * takes; a staff take always wins, and deleting it brings the synthesised one back.
 *
 * Streets are set by the CLI (`set-office-streets`, `demo-setup`), in another process: this
 * worker, in the server, looks at the offices' identity versions every `intervalMs` and, for an
 * office whose version it has not handled yet, makes the takes that are missing or were made
 * from another text, and drops those of streets no longer listed. Nothing is remembered but in
 * the database, so a restart re-checks every office and makes only what is missing. It never
 * runs inside a request, one synthesis at a time, each with a timeout, at low priority.
 */

/**
 * The languages synthesised, and what is said in each: the Arabic sign in Arabic, the Latin one
 * in French. The others hear these by `STREET_PROMPT_FALLBACK` (Tifinagh hears Arabic, English
 * the Latin name in French): espeak-ng has no Amazigh voice, and its English voice would mangle
 * French street words ("Rue", "Avenue").
 */
export const SYNTHESISED_STREET_LANGUAGES = ['ar', 'fr'] as const satisfies readonly Locale[];

export const STREET_VOICE_INTERVAL_MS = 30_000;
export const STREET_VOICE_TIMEOUT_MS = 10_000;

export interface StreetVoiceSynthesiser {
  /** Whether it can speak on this machine; asked once, at start. */
  available(): Promise<boolean>;
  /** The Ogg Vorbis bytes of `text` said by `voice`; rejects after its timeout. */
  speak(voice: string, text: string): Promise<Buffer>;
}

/** espeak-ng and sox, as `npm run audio:build` uses them, each program killed after `timeoutMs`. */
export function espeakSynthesiser(timeoutMs = STREET_VOICE_TIMEOUT_MS): StreetVoiceSynthesiser {
  return {
    available: () => canSpeak(),
    async speak(voice, text) {
      const scratch = await mkdtemp(path.join(tmpdir(), 'shubbak-street-'));
      try {
        const target = path.join(scratch, 'street.ogg');
        await speakToOgg({ voice, text, target, timeoutMs, lowPriority: true });
        return await readFile(target);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
  };
}

export interface StreetTake {
  promptId: string;
  language: Locale;
  voice: string;
  text: string;
  /** What the take is made from: a renamed street (same Latin key, new text) is said again. */
  source: string;
}

/** The synthesised takes a street list wants, one per street (by prompt id) and synthesised language. */
export function wantedStreetTakes(streets: readonly OfficeStreet[]): StreetTake[] {
  const takes: StreetTake[] = [];
  for (const prompt of streetPrompts(streets)) {
    for (const language of SYNTHESISED_STREET_LANGUAGES) {
      const voice = ESPEAK_VOICES[language];
      if (!voice) continue;
      const text = prompt.text[language];
      takes.push({ promptId: prompt.id, language, voice, text, source: synthesisSourceHash(voice, text) });
    }
  }
  return takes;
}

export interface StreetVoiceOutcome {
  made: number;
  removed: number;
  failed: number;
}

type StreetVoiceStore = Pick<Store, 'listSynthesisedPromptSources' | 'putSynthesisedPromptRecording' | 'deleteSynthesisedPromptRecording'>;

/**
 * Makes the office's synthesised street takes match its list: the missing or outdated ones made
 * (one at a time), the ones of streets that left the list dropped. A take that fails (timeout,
 * crash) is counted and tried again at the next look; the others go on. `stopping()` ends it
 * between two takes.
 */
export async function synchroniseStreetVoices(
  store: StreetVoiceStore,
  officeId: string,
  streets: readonly OfficeStreet[],
  options: { synthesiser: StreetVoiceSynthesiser; now: () => Date; stopping?: () => boolean },
): Promise<StreetVoiceOutcome> {
  const wanted = wantedStreetTakes(streets);
  const keyOf = (take: { promptId: string; language: string }) => `${take.promptId}\u0000${take.language}`;
  const made = await store.listSynthesisedPromptSources(officeId);
  const existing = new Map(made.map((take) => [keyOf(take), take.source]));
  const outcome: StreetVoiceOutcome = { made: 0, removed: 0, failed: 0 };
  const wantedKeys = new Set(wanted.map(keyOf));
  for (const stale of made) {
    if (wantedKeys.has(keyOf(stale))) continue;
    if (await store.deleteSynthesisedPromptRecording(officeId, stale.promptId, stale.language)) outcome.removed += 1;
  }
  for (const take of wanted) {
    if (options.stopping?.()) break;
    if (existing.get(keyOf(take)) === take.source) continue;
    let audio: Buffer;
    try {
      audio = await options.synthesiser.speak(take.voice, take.text);
    } catch {
      outcome.failed += 1;
      continue;
    }
    await store.putSynthesisedPromptRecording({
      officeId,
      promptId: take.promptId,
      language: take.language,
      mime: 'audio/ogg',
      audio,
      recordedAt: options.now().toISOString(),
      source: take.source,
    });
    outcome.made += 1;
  }
  return outcome;
}

export interface StreetVoiceLog {
  info(line: string): void;
  warn(line: string): void;
}

export interface StreetVoicesOptions {
  store: Pick<Store, 'officeIdentityVersions' | 'getOfficeIdentity'> & StreetVoiceStore;
  log: StreetVoiceLog;
  synthesiser?: StreetVoiceSynthesiser;
  /** How often the offices' identity versions are looked at. */
  intervalMs?: number;
  /** The first look waits this long: the server's start-up (and `npm start`'s) is not made slower. */
  firstLookMs?: number;
  now?: () => Date;
}

export interface StreetVoices {
  /** Stops after the take in flight; resolves when the worker is idle. */
  stop(): Promise<void>;
}

/** Starts the worker; without espeak-ng or sox it says so once in the log and does nothing else. */
export function startStreetVoices(options: StreetVoicesOptions): StreetVoices {
  const synthesiser = options.synthesiser ?? espeakSynthesiser();
  const intervalMs = options.intervalMs ?? STREET_VOICE_INTERVAL_MS;
  const now = options.now ?? (() => new Date());
  /** The identity version handled per office: a look skips the offices whose version did not move. */
  const handled = new Map<string, number>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  async function look(): Promise<void> {
    for (const { officeId, version } of await options.store.officeIdentityVersions()) {
      if (stopped) return;
      if (handled.get(officeId) === version) continue;
      const streets = (await options.store.getOfficeIdentity(officeId))?.streets ?? [];
      const outcome = await synchroniseStreetVoices(options.store, officeId, streets, { synthesiser, now, stopping: () => stopped });
      if (outcome.made > 0 || outcome.removed > 0) {
        options.log.info(`street names of office ${officeId}: ${outcome.made} synthesised, ${outcome.removed} dropped (identity version ${version})`);
      }
      if (outcome.failed > 0) {
        options.log.warn(`street names of office ${officeId}: ${outcome.failed} could not be synthesised; tried again in ${Math.round(intervalMs / 1000)} s`);
      } else if (!stopped) {
        handled.set(officeId, version);
      }
    }
  }

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = look()
        .catch((error: unknown) => options.log.warn(`street names: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => schedule(intervalMs));
    }, delayMs);
    timer.unref();
  };

  running = synthesiser.available().then((available) => {
    if (available) {
      schedule(options.firstLookMs ?? 5_000);
      return;
    }
    options.log.warn('espeak-ng or sox is not installed: street names are not synthesised, kiosks say "a street of the annex" until staff record them');
  });

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
