import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { NO_RECORDINGS, type PromptId, type RecordedPrompts } from '../../domain/audioPrompts';
import { useKioskServices } from '../services';
import type { ScreenName } from '../session/currentScreen';
import { useLocale, useSessionValue } from '../session/hooks';
import './audioGuide.css';

let loading: Promise<typeof import('./promptPlayer')> | null = null;

/** The player, its manifest and the recordings' URLs stay out of the start-up bundle until a citizen turns guidance on. */
export function loadPromptPlayer(): Promise<typeof import('./promptPlayer')> {
  loading ??= import('./promptPlayer');
  return loading;
}

export interface AudioGuide {
  listening: boolean;
  /** Says a prompt of the manifest now (nothing while guidance is off). */
  speak(prompt: PromptId): void;
  /** Says the current screen's prompt again. */
  replay(): void;
  /**
   * A choice touched: with guidance off it acts at once; with guidance on, the first touch says
   * the choice's name and the second touch (or "choose") acts, so a citizen can explore by ear.
   * `key` tells apart choices that say the same prompt (each answer's "change" on the review).
   */
  choose(prompt: PromptId, act: () => void, key?: string): void;
  /** The key of the choice waiting for its second touch on this screen (its prompt unless given), if any. */
  armed: string | null;
  /** Takes the armed choice, as its second touch would ("choose"). */
  takeArmed(): void;
}

const SILENT: AudioGuide = { listening: false, speak: () => undefined, replay: () => undefined, choose: (_prompt, act) => act(), armed: null, takeArmed: () => undefined };

const AudioGuideContext = createContext<AudioGuide>(SILENT);

export function useAudioGuide(): AudioGuide {
  return useContext(AudioGuideContext);
}

interface Armed {
  screen: ScreenName;
  prompt: PromptId;
  key: string;
  act(): void;
}

export function screenPrompt(screen: ScreenName): PromptId {
  return `screen.${screen}`;
}

/** Spoken guidance for the session: each screen's prompt on entry, choices read on first touch. */
export function AudioGuideProvider({ screen, children }: { screen: ScreenName; children: ReactNode }) {
  const listening = useSessionValue((context) => context.listening);
  const locale = useLocale();
  const audioRef = useRef<HTMLAudioElement>(null);
  const { recordedPrompts } = useKioskServices();
  const recorded = useRef<Promise<RecordedPrompts> | null>(null);
  const [armedChoice, setArmedChoice] = useState<Armed | null>(null);
  // A choice armed on another screen, or before guidance was turned off, is forgotten.
  const armed = listening && armedChoice?.screen === screen ? armedChoice : null;

  const speak = useCallback(
    (prompt: PromptId) => {
      if (!listening) return;
      // The office's recordings are read once per session, when guidance is first needed.
      recorded.current ??= recordedPrompts ? recordedPrompts().catch(() => NO_RECORDINGS) : Promise.resolve(NO_RECORDINGS);
      void Promise.all([loadPromptPlayer(), recorded.current]).then(([player, recordings]) => {
        if (audioRef.current) player.playPrompt(audioRef.current, prompt, locale, recordings);
      });
    },
    [listening, locale, recordedPrompts],
  );

  useEffect(() => {
    if (listening) speak(screenPrompt(screen));
    else if (loading && audioRef.current) {
      recorded.current = null;
      const audio = audioRef.current;
      void loading.then((player) => player.stopPrompt(audio));
    }
  }, [listening, screen, speak]);

  // While guidance is off (nearly every session) the value stays the same object across screens
  // and languages, so the buttons and the header that read it do not render again on each tap.
  // While guidance is off (nearly every session) the value is the same object on every screen
  // and in every language, so the buttons and the header that read it do not render again.
  const guide = useMemo<AudioGuide>(
    () =>
      listening
        ? {
            listening,
            speak,
            replay: () => speak(screenPrompt(screen)),
            choose: (prompt, act, key = prompt) => {
              if (armed?.key === key) {
                setArmedChoice(null);
                return act();
              }
              setArmedChoice({ screen, prompt, key, act });
              speak(prompt);
            },
            armed: armed?.key ?? null,
            takeArmed: () => {
              if (!armed) return;
              setArmedChoice(null);
              armed.act();
            },
          }
        : SILENT,
    [listening, speak, screen, armed],
  );

  return (
    <AudioGuideContext.Provider value={guide}>
      {children}
      <audio ref={audioRef} data-testid="audio-guide" hidden onPlaying={mark('playing')} onEnded={mark('ended')} onError={mark('failed')} />
    </AudioGuideContext.Provider>
  );
}

function mark(state: 'playing' | 'ended' | 'failed') {
  return (event: { currentTarget: HTMLAudioElement }) => {
    // An error event after `src` was removed (guidance turned off) is not a failed prompt.
    if (state === 'failed' && !event.currentTarget.getAttribute('src')) return;
    event.currentTarget.dataset.state = state;
  };
}
