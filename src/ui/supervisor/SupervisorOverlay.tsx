import { useSelector } from '@xstate/react';
import { useEffect, useRef } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import type { ActorRefFrom } from 'xstate';
import type { SupervisorMachine } from '../../machines/supervisorMachine';
import type { SupervisorServices } from '../../supervisor/types';
import { FirstRun } from './FirstRun';
import { LanguageSwitch } from './LanguageSwitch';
import { LockedOut } from './LockedOut';
import { PinEntry } from './PinEntry';
import { StoreLocked } from './StoreLocked';
import { UnlockedArea } from './UnlockedArea';
import { useFocusTrap } from './useFocusTrap';

export type SupervisorActor = ActorRefFrom<SupervisorMachine>;

interface SupervisorOverlayProps {
  actor: SupervisorActor;
  services: SupervisorServices;
}

/** The full-screen supervisor dialog; which screen it shows follows the supervisor machine. */
export function SupervisorOverlay({ actor, services }: SupervisorOverlayProps) {
  const { t, language, dir } = useSupervisorTranslation();
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog);
  const snapshot = useSelector(actor, (s) => s);
  const unlocked = snapshot.matches('unlocked');

  // Any touch or key inside the overlay postpones the auto-lock.
  const activity = () => actor.send({ type: 'activity' });
  useEffect(() => {
    dialog.current?.focus();
  }, []);

  return (
    <div
      ref={dialog}
      className="sv-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="sv-title"
      tabIndex={-1}
      dir={dir}
      lang={language}
      onPointerDown={activity}
      onKeyDown={activity}
    >
      <header className="sv-header">
        <h1 id="sv-title">{t('title')}</h1>
        <LanguageSwitch />
        {unlocked ? (
          <button type="button" className="sv-button" onClick={() => actor.send({ type: 'supervisor.lock' })}>
            {t('actions.lock')}
          </button>
        ) : (
          <button type="button" className="sv-button" onClick={() => actor.send({ type: 'supervisor.close' })}>
            {t('actions.close')}
          </button>
        )}
      </header>
      <main className="sv-body">
        {(snapshot.matches('pinEntry') || snapshot.matches('checking')) && (
          <PinEntry checking={snapshot.matches('checking')} error={snapshot.context.pinError} onSubmit={(pin) => actor.send({ type: 'pin.submit', pin })} />
        )}
        {snapshot.matches('lockedOut') && <LockedOut lockout={snapshot.context.lockout} now={services.now} />}
        {snapshot.matches({ storeLocked: 'waiting' }) && <StoreLocked />}
        {snapshot.matches('firstRun') && <FirstRun actor={actor} services={services} />}
        {unlocked && <UnlockedArea actor={actor} services={services} />}
      </main>
    </div>
  );
}
