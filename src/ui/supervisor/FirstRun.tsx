import { useSelector } from '@xstate/react';
import { useSupervisorTranslation } from './supervisorLanguage';
import { PIN_MIN_LENGTH } from '../../machines/supervisor/pinPolicy';
import type { SupervisorServices } from '../../supervisor/types';
import { EnrolForm } from './EnrolForm';
import { PinPad } from './PinPad';
import type { SupervisorActor } from './SupervisorOverlay';

/**
 * First run: enrol the kiosk with a one-time code from the back office (the proof that this is
 * the office's staff, see supervisorMachine), then choose the PIN and confirm it.
 */
export function FirstRun({ actor, services }: { actor: SupervisorActor; services: SupervisorServices }) {
  const { t } = useSupervisorTranslation();
  const snapshot = useSelector(actor, (s) => s);
  const error = snapshot.context.pinError;

  return (
    <section className="sv-pin-screen">
      <h2>{t('firstRun.title')}</h2>
      {snapshot.matches({ firstRun: 'authorise' }) && (
        <>
          <p>{t('firstRun.authorise')}</p>
          <EnrolForm services={services} urlFixedWhenConfigured onEnrolled={() => actor.send({ type: 'firstRun.authorised' })} />
        </>
      )}
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
    </section>
  );
}
