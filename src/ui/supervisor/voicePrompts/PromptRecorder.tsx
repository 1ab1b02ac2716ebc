import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { fromPromise } from 'xstate';
import type { AudioPrompt } from '../../../domain/audioPrompts';
import { directionOf, type Locale } from '../../../domain/locales';
import { MAX_TAKE_MS } from '../../../domain/promptRecordings';
import { promptRecorderMachine, type SaveTakeOutcome } from '../../../machines/promptRecorderMachine';
import type { MicrophoneTake, OpenMicrophone } from '../../../platform/microphone';
import type { VoicePromptServices } from '../../../supervisor/voicePrompts';
import { textLanguageOf } from './promptVoices';
import { useSupervisorTranslation } from '../supervisorLanguage';

interface PromptRecorderProps {
  prompt: AudioPrompt;
  language: Locale;
  services: VoicePromptServices;
  onSaved(): void;
  onClose(): void;
  /** For tests: how often the timer moves. */
  tickMs?: number;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * Records one prompt: the microphone is asked for when this panel opens and released when it
 * closes (or supervisor mode locks and unmounts it), so it is never open on another page.
 */
export function PromptRecorder({ prompt, language, services, onSaved, onClose, tickMs }: PromptRecorderProps) {
  const { t } = useSupervisorTranslation();
  const machine = useMemo(
    () =>
      promptRecorderMachine.provide({
        actors: {
          openMicrophone: fromPromise<OpenMicrophone>(async ({ signal }) => {
            const microphone = await services.microphone.open();
            // Closed while the permission was being asked: let go at once.
            if (signal.aborted) {
              microphone.release();
              throw new Error('recorder closed');
            }
            return microphone;
          }),
          saveTake: fromPromise<SaveTakeOutcome, { take: MicrophoneTake }>(({ input }) => services.save(prompt.id, language, input.take)),
        },
      }),
    [services, prompt.id, language],
  );
  const actor = useActorRef(machine, { input: { maxMs: MAX_TAKE_MS, now: Date.now, ...(tickMs ? { tickMs } : {}) } });
  useEffect(() => () => actor.getSnapshot().context.microphone?.release(), [actor]);
  const state = useSelector(actor, (snapshot) => snapshot);
  const phase = typeof state.value === 'string' ? state.value : Object.keys(state.value)[0]!;
  const { elapsedMs, take, failure, saveProblem, maxMs, microphone } = state.context;

  useEffect(() => {
    if (phase === 'saved') onSaved();
  }, [phase, onSaved]);

  const level = useLevel(phase === 'recording' ? microphone : null);
  const takeUrl = useObjectUrl(take?.audio ?? null);
  const playback = useRef<HTMLAudioElement>(null);
  const playBack = () => {
    const audio = playback.current;
    if (!audio) return;
    audio.currentTime = 0;
    void audio.play().catch(() => undefined);
  };

  return (
    <section className="sv-recorder" aria-labelledby="sv-recorder-title" data-recorder-state={phase}>
      <h3 id="sv-recorder-title">{t('voicePrompts.recorder.title')}</h3>
      <p className="sv-recorder-say">{t('voicePrompts.recorder.say')}</p>
      <blockquote className="sv-recorder-text" lang={textLanguageOf(prompt, language)} dir={directionOf(textLanguageOf(prompt, language))}>
        {prompt.text[language]}
      </blockquote>
      {phase === 'opening' && <p role="status">{t('voicePrompts.recorder.opening')}</p>}
      {phase === 'failed' && failure && (
        <p role="alert" className="sv-error">
          {t(`voicePrompts.recorder.failure.${failure}`)}
        </p>
      )}
      {(phase === 'recording' || phase === 'review' || phase === 'saving' || phase === 'saved') && (
        <div className="sv-recorder-meter">
          <span role="timer" aria-live="off" data-testid="take-timer">
            {t('voicePrompts.recorder.timer', { elapsed: seconds(elapsedMs), max: seconds(maxMs) })}
          </span>
          <meter aria-label={t('voicePrompts.recorder.level')} min={0} max={1} value={phase === 'recording' ? level : 0} />
          <progress aria-hidden="true" max={maxMs} value={elapsedMs} />
        </div>
      )}
      {saveProblem && (
        <p role="alert" className="sv-error">
          {t(`voicePrompts.recorder.saveProblem.${saveProblem}`)}
        </p>
      )}
      {phase === 'saved' && <p role="status">{t('voicePrompts.recorder.saved')}</p>}
      {phase === 'saving' && <p role="status">{t('voicePrompts.recorder.saving')}</p>}
      {takeUrl && <audio ref={playback} src={takeUrl} data-testid="take-playback" preload="auto" />}
      <div className="sv-actions">
        {phase === 'failed' && (
          <button type="button" className="sv-button sv-button-primary" onClick={() => actor.send({ type: 'microphone.retry' })}>
            {t('voicePrompts.recorder.retry')}
          </button>
        )}
        {phase === 'ready' && (
          <button type="button" className="sv-button sv-button-primary sv-record" onClick={() => actor.send({ type: 'take.start' })}>
            {t('voicePrompts.recorder.start')}
          </button>
        )}
        {phase === 'recording' && (
          <button type="button" className="sv-button sv-button-primary sv-record" onClick={() => actor.send({ type: 'take.stop' })}>
            {t('voicePrompts.recorder.stop')}
          </button>
        )}
        {(phase === 'review' || phase === 'saved') && (
          <>
            <button type="button" className="sv-button" onClick={playBack}>
              {t('voicePrompts.recorder.playBack')}
            </button>
            <button type="button" className="sv-button" onClick={() => actor.send({ type: 'take.again' })}>
              {t('voicePrompts.recorder.again')}
            </button>
          </>
        )}
        {phase === 'review' && (
          <button type="button" className="sv-button sv-button-primary" onClick={() => actor.send({ type: 'take.save' })}>
            {t('voicePrompts.recorder.save')}
          </button>
        )}
        <button type="button" className="sv-button" onClick={onClose} disabled={phase === 'saving'}>
          {t('voicePrompts.recorder.back')}
        </button>
      </div>
    </section>
  );
}

/** The microphone's loudness, read each animation frame while recording. */
function useLevel(microphone: OpenMicrophone | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!microphone) return undefined;
    let frame = 0;
    const read = () => {
      setLevel(microphone.level());
      frame = requestAnimationFrame(read);
    };
    frame = requestAnimationFrame(read);
    return () => cancelAnimationFrame(frame);
  }, [microphone]);
  return level;
}

function useObjectUrl(blob: Blob | null): string | null {
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}
