import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { OfficeIdentity } from '../domain/officeIdentity';
import type { KioskSettings } from '../domain/settings';
import { sessionSettingsOf } from '../machines/session/draft';
import type { SupervisorServices } from '../supervisor/types';
import { enrolmentMarkOf, type EnrolmentMark } from '../sync/enrolmentMark';
import type { SyncService } from '../sync/syncService';
import { EnrolmentCorner } from '../ui/EnrolmentCorner';
import { CitizenKiosk } from '../ui/CitizenKiosk';
import { SessionContext } from '../ui/session/SessionProvider';
import { SupervisorFrame } from '../ui/supervisor/SupervisorFrame';
import type { BootedKiosk } from './bootstrap';
import { lazySupervisorOverlay } from './lazySupervisorOverlay';
import { warmOfflineChunks } from './warmOfflineChunks';

/**
 * The citizen kiosk under the supervisor layer. Opening supervisor mode first wipes the citizen
 * session; settings a supervisor saves apply at once (office name, languages, idle timings).
 * Every chunk kept out of the start-up bundle (keyboard, QR encoder, languages, supervisor
 * screens) is fetched as soon as the attract screen is up, so nothing waits for it later and a
 * network loss after start-up strands nothing.
 */
export function KioskApp({ boot }: { boot: BootedKiosk }) {
  const [settings, setSettings] = useState(boot.services.settings);
  const officeIdentity = useOfficeIdentityUpdates(boot);
  const services = useMemo(() => ({ ...boot.services, settings, officeIdentity }), [boot.services, settings, officeIdentity]);
  const supervisor = useMemo(() => withSettingsListener(boot.supervisor, setSettings), [boot.supervisor]);
  useEffect(() => {
    void warmOfflineChunks();
  }, []);
  useTitleInLoadedLanguage(boot.i18n);
  return (
    <CitizenKiosk
      services={services}
      i18n={boot.i18n}
      wrap={(children) => (
        <SupervisedSession boot={boot} supervisor={supervisor} settings={settings}>
          {children}
        </SupervisedSession>
      )}
    />
  );
}

/**
 * The screens set the page title when the citizen picks a language; a language loaded on demand
 * arrives a moment later, so the title is set again once i18next has switched to it.
 */
function useTitleInLoadedLanguage(i18n: BootedKiosk['i18n']) {
  useEffect(() => {
    const retitle = () => {
      document.title = i18n.t('common:appName');
    };
    i18n.on('languageChanged', retitle);
    return () => i18n.off('languageChanged', retitle);
  }, [i18n]);
}

function withSettingsListener(supervisor: SupervisorServices, onSaved: (settings: KioskSettings) => void): SupervisorServices {
  return {
    ...supervisor,
    settings: {
      ...supervisor.settings,
      save: async (next) => {
        const outcome = await supervisor.settings.save(next);
        if (outcome.ok) onSaved(outcome.settings);
        return outcome;
      },
    },
  };
}

function SupervisedSession({ boot, supervisor, settings, children }: { boot: BootedKiosk; supervisor: SupervisorServices; settings: KioskSettings; children: ReactNode }) {
  const session = SessionContext.useActorRef();
  const resetSession = useCallback(() => session.send({ type: 'session.reset' }), [session]);
  useEffect(() => session.send({ type: 'settings.update', settings: sessionSettingsOf(settings) }), [session, settings]);
  useCatalogueUpdates(boot);
  const Overlay = useMemo(() => lazySupervisorOverlay(boot.i18n), [boot.i18n]);
  const mark = useEnrolmentMark(boot.sync);
  const atAttract = SessionContext.useSelector((snapshot) => snapshot.matches('attract'));
  return (
    <SupervisorFrame services={supervisor} onOpen={resetSession} Overlay={Overlay} autoLockMs={settings.supervisorAutoLockMinutes * 60_000}>
      {children}
      {atAttract && <EnrolmentCorner mark={mark} />}
    </SupervisorFrame>
  );
}

/**
 * After each sync the office's names and logo may be newer: the header shows them at once, the slip from the next print.
 * Only a newer version reaches React. A state setter called with what is already shown still
 * queues an update on the component until it renders again, and KioskApp almost never does: every
 * sync cycle (each request, each heartbeat) left one there, with the identity just read, logo
 * included, for the kiosk's whole life (docs/performance.md, "Heap").
 */
function useOfficeIdentityUpdates({ services, sync, reloadOfficeIdentity }: BootedKiosk): OfficeIdentity | null {
  const [identity, setIdentity] = useState(services.officeIdentity ?? null);
  const shownVersion = useRef(identity?.version ?? null);
  useEffect(
    () =>
      sync.subscribe((status) => {
        if (status.phase !== 'idle') return;
        void reloadOfficeIdentity().then((next) => {
          if (!next || next.version === shownVersion.current) return;
          shownVersion.current = next.version;
          setIdentity(next);
        });
      }),
    [sync, reloadOfficeIdentity],
  );
  return identity;
}

/**
 * Whether staff must act on the enrolment, live from the sync engine's status. Read as an
 * external store: React re-renders only when the mark changes, and the sync engine's many
 * notifications (every phase of every cycle) queue nothing (see useOfficeIdentityUpdates).
 */
function useEnrolmentMark(sync: Pick<SyncService, 'subscribe' | 'getStatus'>): EnrolmentMark | null {
  const subscribe = useCallback((onChange: () => void) => sync.subscribe(() => onChange()), [sync]);
  return useSyncExternalStore(subscribe, () => enrolmentMarkOf(sync.getStatus()));
}

/** After each sync the stored catalogue may be newer: the session shows it from the next screen on. */
function useCatalogueUpdates({ sync, reloadCatalogue }: BootedKiosk) {
  const session = SessionContext.useActorRef();
  useEffect(() => {
    let version = session.getSnapshot().context.catalogue.version;
    return sync.subscribe((status) => {
      if (status.phase !== 'idle') return;
      void reloadCatalogue().then((catalogue) => {
        if (catalogue.version === version) return;
        version = catalogue.version;
        session.send({ type: 'catalogue.update', catalogue });
      });
    });
  }, [session, sync, reloadCatalogue]);
}
