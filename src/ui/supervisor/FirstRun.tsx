import { useSelector } from '@xstate/react';
import { useSupervisorTranslation } from './supervisorLanguage';
import { PIN_MIN_LENGTH } from '../../machines/supervisor/pinPolicy';
import type { SupervisorServices } from '../../supervisor/types';
import { EnrolForm } from './EnrolForm';
import { PinPad } from './PinPad';
import type { SupervisorActor } from './SupervisorOverlay';

/** First run: choose a PIN, confirm it, then enrol the kiosk (or skip and do it from the settings). */
export function FirstRun({ actor, services }: { actor: SupervisorActor; services: SupervisorServices }) {
  const { t } = useSupervisorTranslation();
  const snapshot = useSelector(actor, (s) => s);
  const error = snapshot.context.pinError;

  return (
    <section className="sv-pin-screen">
      <h2>{t('firstRun.title')}</h2>
      {snapshot.matches({ firstRun: 'choosePin' }) && (
        <PinPad label={t('firstRun.choose', { count: PIN_MIN_LENGTH })} submitLabel={t('actions.next')} onSubmit={(pin) => actor.send({ type: 'pin.choose', pin })} />
      )}
      {snapshot.matches({ firstRun: 'confirmPin' }) && (
        <PinPad label={t('firstRun.confirm')} submitLabel={t('actions.save')} onSubmit={(pin) => actor.send({ type: 'pin.confirm', pin })} />
      )}
      {snapshot.matches({ firstRun: 'savingPin' }) && <p role="status">{t('firstRun.saving')}</p>}
      {error && (
        <p role="alert" className="sv-error">
          {t(`pinErrors.${error}`, { count: PIN_MIN_LENGTH })}
        </p>
      )}
      {snapshot.matches({ firstRun: 'enrol' }) && (
        <>
          <p role="status">{t('firstRun.pinSaved')}</p>
          <EnrolForm services={services} />
          <button type="button" className="sv-button sv-button-primary" onClick={() => actor.send({ type: 'enrol.finish' })}>
            {t('firstRun.finish')}
          </button>
        </>
      )}
    </section>
  );
}
