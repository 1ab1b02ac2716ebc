import { useState } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import { PIN_MIN_LENGTH } from '../../machines/supervisor/pinPolicy';
import type { SupervisorServices } from '../../supervisor/types';
import { PinPad } from './PinPad';

type Step = { kind: 'idle' } | { kind: 'current' } | { kind: 'next'; current: string } | { kind: 'confirm'; current: string; next: string } | { kind: 'busy' };

/** Changing the PIN asks for the current one (a wrong one counts towards the lockout), then the new one twice. */
export function ChangePinForm({ services }: { services: SupervisorServices }) {
  const { t } = useSupervisorTranslation();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const finish = async (current: string, next: string) => {
    setStep({ kind: 'busy' });
    const outcome = await services.changePin(current, next);
    setStep({ kind: 'idle' });
    setMessage(outcome.ok ? { error: false, text: t('changePin.done') } : { error: true, text: t(`changePin.errors.${outcome.reason}`, { count: PIN_MIN_LENGTH }) });
  };

  return (
    <div className="sv-card">
      <h3>{t('changePin.title')}</h3>
      {step.kind === 'idle' && (
        <button
          type="button"
          className="sv-button"
          onClick={() => {
            setMessage(null);
            setStep({ kind: 'current' });
          }}
        >
          {t('changePin.start')}
        </button>
      )}
      {step.kind === 'current' && <PinPad label={t('changePin.current')} submitLabel={t('actions.next')} onSubmit={(current) => setStep({ kind: 'next', current })} />}
      {step.kind === 'next' && (
        <PinPad label={t('firstRun.choose', { count: PIN_MIN_LENGTH })} submitLabel={t('actions.next')} onSubmit={(next) => setStep({ kind: 'confirm', current: step.current, next })} />
      )}
      {step.kind === 'confirm' && (
        <PinPad
          label={t('firstRun.confirm')}
          // Not just "Save": the settings form above has a Save button of its own.
          submitLabel={t('changePin.save')}
          onSubmit={(again) => {
            if (again === step.next) {
              void finish(step.current, step.next);
            } else {
              setStep({ kind: 'idle' });
              setMessage({ error: true, text: t('pinErrors.mismatch') });
            }
          }}
        />
      )}
      {step.kind === 'busy' && <p role="status">{t('firstRun.saving')}</p>}
      {step.kind !== 'idle' && step.kind !== 'busy' && (
        <button type="button" className="sv-button" onClick={() => setStep({ kind: 'idle' })}>
          {t('actions.cancel')}
        </button>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'sv-error' : undefined}>
          {message.text}
        </p>
      )}
    </div>
  );
}
