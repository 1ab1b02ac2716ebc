import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { KioskSettings } from '../domain/settings';
import type { SessionEvent } from '../machines/session/types';
import { sessionSettingsOf } from '../machines/session/draft';
import type { SupervisorServices } from '../supervisor/types';
import { enrolmentMarkOf, type EnrolmentMark } from '../sync/enrolmentMark';
import { useSessionMachine } from '../ui/session/SessionProvider';
import type { SessionPort } from '../ui/session/sessionPort';
import { useSupervisorMachine } from '../ui/supervisor/SupervisorFrame';
import { SupervisorLanguageProvider } from '../ui/supervisor/supervisorLanguage';
import type { BootedKiosk } from './bootstrap';
import { lazySupervisorOverlay } from './lazySupervisorOverlay';
import type { StorageServices } from './storageServices';

/** What the session's chunk hands KioskApp, which draws the screens and the supervisor layer with it. */
export interface SessionControl {
  port: SessionPort;
  /** What the supervisor gesture calls. */
  openSupervisor(): void;
  supervisorOpen: boolean;
  /** The supervisor's screens, drawn while supervisor mode is open. */
  overlay(): ReactNode;
  enrolmentMark: EnrolmentMark | null;
}

export interface SessionKioskProps {
  boot: BootedKiosk;
  storage: StorageServices | null;
  supervisor: SupervisorServices;
  settings: KioskSettings;
  /** The taps the attract screen held while this chunk was on its way (src/ui/session/attractPort.ts). */
  heldEvents: () => SessionEvent[];
  /** Whether staff held the gesture while this chunk was on its way: supervisor mode opens on arrival. */
  supervisorAsked: () => boolean;
  onControl(control: SessionControl): void;
}

/**
 * The citizen session and supervisor mode: the session machine, the supervisor machine and
 * xstate, in a chunk of their own that KioskApp imports once the attract screen is up (the
 * attract screen needs none of them to be drawn). It draws nothing itself: it hands KioskApp the
 * session's port and the supervisor's state, so the screens already drawn stay as they are (a
 * press on the office logo under way is not lost) and go on from the machine's state.
 * Opening supervisor mode first wipes the citizen session, so staff never see a citizen's data.
 */
export function SessionKiosk({ boot, storage, supervisor, settings, heldEvents, supervisorAsked, onControl }: SessionKioskProps) {
  const session = useSessionMachine(heldEvents);
  const resetSession = useCallback(() => session.send({ type: 'session.reset' }), [session]);
  useEffect(() => session.send({ type: 'settings.update', settings: sessionSettingsOf(settings) }), [session, settings]);
  useCatalogueUpdates(session, storage);
  const Overlay = useMemo(() => lazySupervisorOverlay(boot.i18n), [boot.i18n]);
  const enrolmentMark = useEnrolmentMark(boot.enrolmentMark, storage);
  const { actor, open, openSupervisor } = useSupervisorMachine(supervisor, resetSession, settings.supervisorAutoLockMinutes * 60_000);
  const overlay = useCallback(
    () => (
      <SupervisorLanguageProvider>
        <Overlay actor={actor} services={supervisor} />
      </SupervisorLanguageProvider>
    ),
    [Overlay, actor, supervisor],
  );
  useLayoutEffect(() => {
    if (supervisorAsked()) openSupervisor();
  }, [supervisorAsked, openSupervisor]);
  useLayoutEffect(() => onControl({ port: session, openSupervisor, supervisorOpen: open, overlay, enrolmentMark }), [onControl, session, openSupervisor, open, overlay, enrolmentMark]);
  return null;
}

/**
 * Whether staff must act on the enrolment: as stored until the sync engine has started, then
 * live from its status (while it starts it does not know yet, and the corner must not flicker).
 * Read as an external store: React re-renders only when the mark changes, and the sync engine's
 * many notifications (every phase of every cycle) queue nothing (see useOfficeIdentityUpdates).
 */
function useEnrolmentMark(stored: EnrolmentMark | null, storage: StorageServices | null): EnrolmentMark | null {
  const lastKnown = useRef(stored);
  const subscribe = useCallback((onChange: () => void) => (storage ? storage.sync.subscribe(() => onChange()) : () => {}), [storage]);
  const read = useCallback(() => {
    if (!storage) return lastKnown.current;
    const status = storage.sync.getStatus();
    if (status.phase !== 'starting') lastKnown.current = enrolmentMarkOf(status);
    return lastKnown.current;
  }, [storage]);
  return useSyncExternalStore(subscribe, read);
}

/**
 * The stored catalogue may be newer after each sync, and, once the storage is open, the one this
 * build ships may be newer than the stored one the first screen showed (src/storage/catalogue.ts):
 * the session shows the one to use from the next screen on.
 */
function useCatalogueUpdates(session: SessionPort, storage: StorageServices | null) {
  useEffect(() => {
    if (!storage) return;
    let version = session.getView().context.catalogue.version;
    let live = true;
    const reload = () =>
      void storage.reloadCatalogue().then((catalogue) => {
        if (!live || catalogue.version === version) return;
        version = catalogue.version;
        session.send({ type: 'catalogue.update', catalogue });
      });
    reload();
    const unsubscribe = storage.sync.subscribe((status) => {
      if (status.phase === 'idle') reload();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [session, storage]);
}
