import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { OfficeIdentity } from '../domain/officeIdentity';
import type { KioskSettings } from '../domain/settings';
import { sessionSettingsOf } from '../machines/session/draft';
import type { SupervisorServices } from '../supervisor/types';
import type { EnrolmentMark } from '../sync/enrolmentMark';
import { EnrolmentCorner } from '../ui/EnrolmentCorner';
import { KioskShell } from '../ui/KioskShell';
import { KioskServicesProvider } from '../ui/services';
import { createAttractPort } from '../ui/session/attractPort';
import { SessionPortContext, useSessionView } from '../ui/session/sessionPort';
import { SupervisorGestureLayer } from '../ui/supervisor/SupervisorGestureLayer';
import type { BootedKiosk } from './bootstrap';
import type { LazyStorage } from './lazyStorage';
import { loadedSessionKiosk, loadSessionKiosk } from './loadSessionKiosk';
import type { SessionControl, SessionKioskProps } from './SessionKiosk';
import type { StorageServices } from './storageServices';
import { supervisorOnceStored } from './supervisorOnceStored';
import { warmOfflineChunks } from './warmOfflineChunks';

/**
 * The citizen kiosk under the supervisor layer. Settings a supervisor saves apply at once (office
 * name, languages, idle timings). The attract screen is drawn first, from the attract port,
 * without the session machine; once it is up, the session and supervisor machines arrive in
 * their chunk (SessionKiosk) and take over the same screens, with whatever the citizen tapped
 * meanwhile (a hold on the office logo under way goes on too: nothing is drawn again). Then the
 * storage and the sync engine open (they are not needed to show it), and every chunk kept out of
 * the start-up bundle (keyboard, QR encoder, languages, supervisor screens) is fetched, so
 * nothing waits for it later and a network loss after start-up strands nothing.
 */
export function KioskApp({ boot, onStorageFailure = reportStorageFailure }: { boot: BootedKiosk; onStorageFailure?: (error: unknown) => void }) {
  const [settings, setSettings] = useState(boot.services.settings);
  const storage = useOpenedStorage(boot.storage, onStorageFailure);
  const officeIdentity = useOfficeIdentityUpdates(boot, storage);
  const services = useMemo(() => ({ ...boot.services, settings, officeIdentity }), [boot.services, settings, officeIdentity]);
  const supervisor = useMemo(
    () => withSettingsListener(supervisorOnceStored(boot.storage, Date.now, boot.services.settings.supervisorAutoLockMinutes * 60_000), setSettings),
    [boot.storage, boot.services.settings],
  );
  const { SessionKiosk, request } = useSessionKiosk();
  const [attract, untilSessionArrives] = useAttractControl(boot, request);
  const [control, setControl] = useState<SessionControl | null>(null);
  const shown = control ?? attract;
  useEffect(() => {
    void warmOfflineChunks();
  }, []);
  useTitleInLoadedLanguage(boot.i18n);
  return (
    <I18nextProvider i18n={boot.i18n}>
      <KioskServicesProvider services={services}>
        <SessionPortContext.Provider value={shown.port}>
          <SupervisorGestureLayer onHold={shown.openSupervisor} open={shown.supervisorOpen} overlay={shown.supervisorOpen ? shown.overlay() : null}>
            <KioskShell />
            <AttractCorner mark={shown.enrolmentMark} />
          </SupervisorGestureLayer>
        </SessionPortContext.Provider>
        {SessionKiosk ? (
          <SessionKiosk
            boot={boot}
            storage={storage}
            supervisor={supervisor}
            settings={settings}
            heldEvents={attract.port.takeHeldEvents}
            supervisorAsked={untilSessionArrives.takeSupervisorRequest}
            onControl={setControl}
          />
        ) : null}
      </KioskServicesProvider>
    </I18nextProvider>
  );
}

/** The enrolment mark, on the attract screen only. */
function AttractCorner({ mark }: { mark: EnrolmentMark | null }) {
  const atAttract = useSessionView((view) => view.matches('attract'));
  return atAttract ? <EnrolmentCorner mark={mark} /> : null;
}

/**
 * What the screens run on until the session's chunk has arrived: the attract port, which holds
 * the citizen's taps, and a supervisor gesture that is remembered (supervisor mode opens when the
 * chunk arrives). Each tap or gesture asks for the chunk again, in case its first fetch failed.
 */
function useAttractControl(boot: BootedKiosk, request: () => void) {
  const supervisorAsked = useRef(false);
  return useMemo(() => {
    const port = createAttractPort({ catalogue: boot.services.catalogue, settings: sessionSettingsOf(boot.services.settings) }, request);
    const control = {
      port,
      openSupervisor: () => {
        supervisorAsked.current = true;
        request();
      },
      supervisorOpen: false,
      overlay: () => null,
      enrolmentMark: boot.enrolmentMark,
    } satisfies SessionControl;
    const takeSupervisorRequest = () => {
      const asked = supervisorAsked.current;
      supervisorAsked.current = false;
      return asked;
    };
    return [control, { takeSupervisorRequest }] as const;
  }, [boot, request]);
}

/**
 * The session's chunk, asked for once the attract screen is committed (its effects run after the
 * paint); null until it has arrived (at a real start, always at the first render). `request` asks again (a failed fetch, at the citizen's next tap).
 */
function useSessionKiosk(): { SessionKiosk: ComponentType<SessionKioskProps> | null; request: () => void } {
  const [loaded, setLoaded] = useState<ComponentType<SessionKioskProps> | null>(() => loadedSessionKiosk()?.SessionKiosk ?? null);
  const request = useCallback(() => {
    loadSessionKiosk().then(({ SessionKiosk }) => setLoaded(() => SessionKiosk), reportSessionFailure);
  }, []);
  useEffect(request, [request]);
  return { SessionKiosk: loaded, request };
}

function reportSessionFailure(error: unknown): void {
  console.error('the citizen session failed to load', error);
}

function reportStorageFailure(error: unknown): void {
  console.error('the kiosk storage did not open', error);
}

/**
 * Opens the storage once the first screen is committed (its effects run after the paint); null
 * until it is open. A storage that cannot open is a start-up failure (main.tsx shows it): a
 * kiosk must not take requests it could not keep.
 */
function useOpenedStorage(lazy: LazyStorage, onFailure: (error: unknown) => void): StorageServices | null {
  const [opened, setOpened] = useState(lazy.current);
  // Already open at the first render (tests, a warm start): setting the same value again would
  // leave an update queued on KioskApp, which almost never renders again (see useOfficeIdentityUpdates).
  const shown = useRef(lazy.current);
  useEffect(() => {
    let live = true;
    lazy.ready().then(
      (services) => {
        if (!live || services === shown.current) return;
        shown.current = services;
        setOpened(services);
      },
      (error: unknown) => {
        if (live) onFailure(error);
      },
    );
    return () => {
      live = false;
    };
  }, [lazy, onFailure]);
  return opened;
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

/**
 * After each sync the office's names and logo may be newer: the header shows them at once, the slip from the next print.
 * Only a newer version reaches React. A state setter called with what is already shown still
 * queues an update on the component until it renders again, and KioskApp almost never does: every
 * sync cycle (each request, each heartbeat) left one there, with the identity just read, logo
 * included, for the kiosk's whole life (docs/performance.md, "Heap").
 */
function useOfficeIdentityUpdates({ services }: BootedKiosk, storage: StorageServices | null): OfficeIdentity | null {
  const [identity, setIdentity] = useState(services.officeIdentity ?? null);
  const shownVersion = useRef(identity?.version ?? null);
  useEffect(() => {
    if (!storage) return;
    return storage.sync.subscribe((status) => {
      if (status.phase !== 'idle') return;
      void storage.reloadOfficeIdentity().then((next) => {
        if (!next || next.version === shownVersion.current) return;
        shownVersion.current = next.version;
        setIdentity(next);
      });
    });
  }, [storage]);
  return identity;
}

