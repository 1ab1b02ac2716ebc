import { useEffect, useId, useState, type FormEvent } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import type { SupervisorServices } from '../../supervisor/types';
import type { EnrolFailureReason } from '../../sync/enrol';
import { useSyncStatus } from './useSyncStatus';
import { useTouchKeyboard } from './useTouchKeyboard';

type Result = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; officeName: string } | { kind: 'failed'; reason: EnrolFailureReason | 'internal' };

export interface EnrolFormProps {
  services: SupervisorServices;
  /** Told once the back office accepted the code. */
  onEnrolled?: () => void;
  /**
   * The address configured for this kiosk (kiosk-config.json) may not be changed here: at first
   * run the enrolment is the proof of being staff, and a code from a back office of one's own
   * must not count. Editable when none is configured.
   */
  urlFixedWhenConfigured?: boolean;
}

/** Enrolment: the back office's URL and the one-time code a back-office administrator issued. */
export function EnrolForm({ services, onEnrolled, urlFixedWhenConfigured = false }: EnrolFormProps) {
  const { t } = useSupervisorTranslation();
  const id = useId();
  const status = useSyncStatus(services);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [result, setResult] = useState<Result>({ kind: 'idle' });
  const [configuredUrl, setConfiguredUrl] = useState('');
  const touch = useTouchKeyboard<'url' | 'code' | 'label'>();
  const values = { url, code, label };
  const setters = { url: setUrl, code: setCode, label: setLabel };

  useEffect(() => {
    let live = true;
    void services.settings.load().then((settings) => {
      if (!live) return;
      setUrl((current) => current || settings.backofficeUrl);
      setConfiguredUrl(settings.backofficeUrl);
      setLabel((current) => current || settings.officeName);
    });
    return () => {
      live = false;
    };
  }, [services]);

  const urlFixed = urlFixedWhenConfigured && configuredUrl !== '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    touch.close();
    setResult({ kind: 'busy' });
    try {
      const outcome = await services.sync.enrol(urlFixed ? configuredUrl : url.trim(), code, label.trim());
      setResult(outcome.ok ? { kind: 'done', officeName: outcome.officeName } : { kind: 'failed', reason: outcome.reason });
      if (outcome.ok) {
        setCode('');
        onEnrolled?.();
      }
    } catch {
      setResult({ kind: 'failed', reason: 'internal' });
    }
  };

  return (
    <form className="sv-card" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('enrol.title')}</h3>
      <p role="status">{status.enrolled ? t('enrol.enrolled') : t('enrol.notEnrolled')}</p>
      <label className="sv-field">
        <span>{t('enrol.url')}</span>
        {urlFixed ? (
          <input type="url" dir="ltr" value={configuredUrl} readOnly aria-readonly="true" />
        ) : (
          <input type="url" inputMode="url" dir="ltr" value={url} onChange={(e) => setUrl(e.target.value)} required autoComplete="off" {...touch.field('url', 'latin')} />
        )}
      </label>
      <label className="sv-field">
        <span>{t('enrol.code')}</span>
        <input value={code} dir="ltr" onChange={(e) => setCode(e.target.value)} required autoComplete="off" placeholder="ABCD-1234" {...touch.field('code', 'latin')} />
      </label>
      <label className="sv-field">
        <span>{t('enrol.label')}</span>
        <input value={label} dir="auto" onChange={(e) => setLabel(e.target.value)} required autoComplete="off" {...touch.field('label', 'text')} />
      </label>
      {touch.active && touch.keyboard(values[touch.active], setters[touch.active])}
      <button type="submit" className="sv-button sv-button-primary" disabled={result.kind === 'busy'}>
        {t('enrol.submit')}
      </button>
      {result.kind === 'done' && <p role="status">{t('enrol.done', { office: result.officeName })}</p>}
      {result.kind === 'failed' && (
        <p role="alert" className="sv-error">
          {t('enrol.failed', { reason: t(`reasons.${result.reason}`) })}
        </p>
      )}
    </form>
  );
}
