import { useCallback, useEffect, useRef, useState } from 'react';
import { isStreetPromptId, type AudioPrompt } from '../../../domain/audioPrompts';
import { directionOf, LOCALES, type Locale } from '../../../domain/locales';
import { streetPrompts } from '../../../domain/streetPrompts';
import type { OfficeRecordingRow, VoicePromptServices } from '../../../supervisor/voicePrompts';
import { useSupervisorTranslation } from '../supervisorLanguage';
import { PromptRecorder } from './PromptRecorder';
import { RECORDABLE_PROMPTS, textLanguageOf, voiceOf } from './promptVoices';
import './voicePrompts.css';

/** How often the list looks again while a take waits to be sent. */
const WAITING_RECHECK_MS = 2_000;

interface VoicePromptsPageProps {
  services: VoicePromptServices;
  /** For tests: how often the recorder's timer moves. */
  tickMs?: number;
}

/**
 * Supervisor mode's voice prompts page: every prompt of the manifest in the chosen language,
 * then the names of the office's streets (what the address picker's choices say), which voice
 * the kiosks say each with, and the office's own recordings made, played and deleted here. Loaded on demand (UnlockedArea): nothing of it is in the citizen's bundle.
 */
export default function VoicePromptsPage({ services, tickMs }: VoicePromptsPageProps) {
  const { t, language: supervisorLanguage } = useSupervisorTranslation();
  const [language, setLanguage] = useState<Locale>(supervisorLanguage);
  const [recordings, setRecordings] = useState<readonly OfficeRecordingRow[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [streets, setStreets] = useState<readonly AudioPrompt[]>([]);
  const [recording, setRecording] = useState<AudioPrompt | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const player = useRef<HTMLAudioElement>(null);
  const playing = useRef<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setRecordings(await services.list());
      setLoadFailed(false);
    } catch {
      setLoadFailed(true);
    }
  }, [services]);
  useEffect(() => {
    let live = true;
    // Without a street list (none pulled, or unreadable) the page lists the manifest's prompts alone.
    services.officeStreets().then(
      (list) => live && setStreets(streetPrompts(list)),
      () => undefined,
    );
    services.list().then(
      (rows) => live && setRecordings(rows),
      () => live && setLoadFailed(true),
    );
    return () => {
      live = false;
    };
  }, [services]);
  useEffect(
    () => () => {
      if (playing.current) URL.revokeObjectURL(playing.current);
    },
    [],
  );
  // A take waits for the sync cycle its save started, which ends after the page drew the list:
  // look again while any take is waiting, so "waiting to be sent" turns into "recorded" on screen.
  const anyWaiting = recordings?.some((row) => row.waitingToUpload) ?? false;
  useEffect(() => {
    if (!anyWaiting) return;
    const timer = setInterval(() => void reload(), WAITING_RECHECK_MS);
    return () => clearInterval(timer);
  }, [anyWaiting, reload]);

  const play = async (prompt: AudioPrompt) => {
    const audio = await services.audio(prompt.id, language);
    const element = player.current;
    if (!audio || !element) return;
    if (playing.current) URL.revokeObjectURL(playing.current);
    playing.current = URL.createObjectURL(audio);
    element.src = playing.current;
    element.dataset.prompt = prompt.id;
    void element.play().catch(() => undefined);
  };

  const remove = async (prompt: AudioPrompt) => {
    setConfirming(null);
    await services.remove(prompt.id, language);
    setNotice(t(isStreetPromptId(prompt.id) ? 'voicePrompts.streets.deleted' : 'voicePrompts.deleted'));
    await reload();
  };

  const onSaved = useCallback(() => void reload(), [reload]);
  const closeRecorder = useCallback(() => {
    setRecording(null);
    void reload();
  }, [reload]);

  if (recording) {
    return (
      <section className="sv-area" aria-labelledby="sv-voice-title">
        <h2 id="sv-voice-title">{t('voicePrompts.title')}</h2>
        <PromptRecorder prompt={recording} language={language} services={services} onSaved={onSaved} onClose={closeRecorder} {...(tickMs ? { tickMs } : {})} />
      </section>
    );
  }

  const rows = recordings ?? [];
  const promptRow = (prompt: AudioPrompt) => {
    const voice = voiceOf(prompt, language, rows);
    const textId = `sv-voice-text-${prompt.id.replace('.', '-')}`;
    const hasRecording = voice === 'recorded' || voice === 'waiting';
    // A street's synthesised take can be heard here, not deleted: it is the back office's, and comes back.
    const canPlay = hasRecording || rows.some((row) => row.promptId === prompt.id && row.language === language && row.synthesised);
    return (
      <li key={prompt.id} className="sv-voice-row" data-prompt-id={prompt.id} data-voice={voice}>
        <div className="sv-voice-facts">
          <span id={textId} className="sv-voice-text" lang={textLanguageOf(prompt, language)} dir={directionOf(textLanguageOf(prompt, language))}>
            {prompt.text[language]}
          </span>
          <span className={`sv-voice-status sv-voice-${voice}`}>{t(`voicePrompts.status.${voice}`)}</span>
        </div>
        <div className="sv-voice-actions">
          <button type="button" className="sv-button sv-button-primary" aria-describedby={textId} onClick={() => setRecording(prompt)}>
            {t('voicePrompts.record')}
          </button>
          {canPlay && (
            <button type="button" className="sv-button" aria-describedby={textId} onClick={() => void play(prompt)}>
              {t('voicePrompts.play')}
            </button>
          )}
          {hasRecording && (
            <button type="button" className="sv-button" aria-describedby={textId} onClick={() => setConfirming(prompt.id)}>
              {t('voicePrompts.delete')}
            </button>
          )}
        </div>
        {confirming === prompt.id && (
          <div className="sv-voice-confirm" role="group" aria-label={t('voicePrompts.confirmDelete')}>
            <span>{t('voicePrompts.confirmDelete')}</span>
            <button type="button" className="sv-button sv-button-danger" onClick={() => void remove(prompt)}>
              {t('voicePrompts.confirmDeleteYes')}
            </button>
            <button type="button" className="sv-button" onClick={() => setConfirming(null)}>
              {t('actions.cancel')}
            </button>
          </div>
        )}
      </li>
    );
  };
  // What staff recorded: a street's synthesised name is not counted (it is what they should replace).
  const recordedIn = (prompts: readonly AudioPrompt[]) =>
    prompts.filter((prompt) => rows.some((row) => row.promptId === prompt.id && row.language === language && !row.synthesised)).length;

  const recordedCount = recordedIn(RECORDABLE_PROMPTS);

  return (
    <section className="sv-area" aria-labelledby="sv-voice-title">
      <h2 id="sv-voice-title">{t('voicePrompts.title')}</h2>
      <p>{t('voicePrompts.intro')}</p>
      <fieldset className="sv-voice-languages">
        <legend>{t('voicePrompts.language')}</legend>
        {LOCALES.map((candidate) => (
          <button
            key={candidate}
            type="button"
            className="sv-button"
            aria-pressed={candidate === language}
            lang={candidate}
            onClick={() => {
              setLanguage(candidate);
              setConfirming(null);
              setNotice(null);
            }}
          >
            {t(`languages.${candidate}`)}
          </button>
        ))}
        <p className="sv-hint">{t('voicePrompts.languageHint')}</p>
      </fieldset>
      {loadFailed && (
        <p role="alert" className="sv-error">
          {t('voicePrompts.loadFailed')}
        </p>
      )}
      <p role="status">{notice ?? (recordings ? t('voicePrompts.count', { recorded: recordedCount, total: RECORDABLE_PROMPTS.length }) : '')}</p>
      <audio ref={player} data-testid="voice-prompt-player" />
      <ul className="sv-voice-list">
        {RECORDABLE_PROMPTS.map(promptRow)}
      </ul>
      {streets.length > 0 && (
        <>
          <h3 id="sv-voice-streets">{t('voicePrompts.streets.title')}</h3>
          <p>{t('voicePrompts.streets.intro')}</p>
          <p>{t('voicePrompts.streets.count', { recorded: recordedIn(streets), total: streets.length })}</p>
          <ul className="sv-voice-list" aria-labelledby="sv-voice-streets" data-testid="voice-prompt-streets">
            {streets.map(promptRow)}
          </ul>
        </>
      )}
    </section>
  );
}
