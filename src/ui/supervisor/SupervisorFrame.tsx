import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import { fromPromise, type ActorRefFrom } from 'xstate';
import type { LockStateSnapshot, PinCheckOutcome, SavePinOutcome } from '../../machines/supervisor/types';
import { supervisorMachine } from '../../machines/supervisorMachine';
import type { SupervisorServices } from '../../supervisor/types';
// Type only: the overlay's code stays out of this module, so the kiosk can load it on demand.
import type { SupervisorOverlay } from './SupervisorOverlay';
import { SupervisorLanguageProvider } from './supervisorLanguage';
import { SupervisorGestureLayer } from './SupervisorGestureLayer';
import './supervisor.css';
import './supervisorPanels.css';

export type SupervisorOverlayProps = ComponentProps<typeof SupervisorOverlay>;

export interface SupervisorFrameProps {
  services: SupervisorServices;
  /** Called when the gesture opens supervisor mode: resets the citizen session, so staff never see a citizen's data. */
  onOpen(): void;
  /** The overlay to show while supervisor mode is open: the kiosk passes one loaded on demand. */
  Overlay: ComponentType<SupervisorOverlayProps>;
  /** The kiosk's setting, in ms; the services' default (2 minutes) when absent. */
  autoLockMs?: number;
  children: ReactNode;
}

const CLOSED_STATES = ['loading', 'locked', 'autoLocked'] as const;

/**
 * The gesture, the supervisor machine and the inert app beneath: everything of supervisor mode
 * except its screens, which come in as `Overlay`.
 */
export function SupervisorFrame({ services, onOpen, Overlay, autoLockMs = services.autoLockMs, children }: SupervisorFrameProps) {
  const { actor, open, openSupervisor } = useSupervisorMachine(services, onOpen, autoLockMs);
  return (
    <SupervisorGestureLayer
      onHold={openSupervisor}
      open={open}
      overlay={
        <SupervisorLanguageProvider>
          <Overlay actor={actor} services={services} />
        </SupervisorLanguageProvider>
      }
    >
      {children}
    </SupervisorGestureLayer>
  );
}

/** The supervisor machine with its side effects bound to the services; `openSupervisor` is what the gesture calls. */
export function useSupervisorMachine(services: SupervisorServices, onOpen: () => void, autoLockMs: number = services.autoLockMs): { actor: ActorRefFrom<typeof supervisorMachine>; open: boolean; openSupervisor: () => void } {
  const machine = useMemo(
    () =>
      supervisorMachine.provide({
        actors: {
          loadLockState: fromPromise<LockStateSnapshot>(() => services.lock.loadLockState()),
          checkPin: fromPromise<PinCheckOutcome, { pin: string }>(({ input }) => services.lock.checkPin(input.pin)),
          savePin: fromPromise<SavePinOutcome, { pin: string }>(({ input }) => services.lock.savePin(input.pin)),
        },
        actions: {
          audit: (_, { action }) => {
            services.audit(action).catch((error: unknown) => console.error('supervisor audit write failed', error));
          },
        },
      }),
    [services],
  );
  const actor = useActorRef(machine, { input: { autoLockMs, now: services.now } });
  useEffect(() => actor.send({ type: 'settings.autoLock', ms: autoLockMs }), [actor, autoLockMs]);
  const open = useSelector(actor, (snapshot) => !CLOSED_STATES.some((state) => snapshot.matches(state)));
  const openSupervisor = useCallback(() => {
    if (!CLOSED_STATES.some((state) => actor.getSnapshot().matches(state))) return;
    onOpen();
    actor.send({ type: 'supervisor.open' });
  }, [actor, onOpen]);
  return { actor, open, openSupervisor };
}
