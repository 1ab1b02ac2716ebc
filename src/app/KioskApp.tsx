import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { OfficeIdentity } from '../domain/officeIdentity';
import type { KioskSettings } from '../domain/settings';
import { sessionSettingsOf } from '../machines/session/draft';
import type { SupervisorServices } from '../supervisor/types';
import { enrolmentMarkOf, type EnrolmentMark } from '../sync/enrolmentMark';
import { EnrolmentCorner } from '../ui/EnrolmentCorner';
import { CitizenKiosk } from '../ui/CitizenKiosk';
import { SessionContext } from '../ui/session/SessionProvider';
import { SupervisorFrame } from '../ui/supervisor/SupervisorFrame';
import type { BootedKiosk } from './bootstrap';
import type { LazyStorage } from './lazyStorage';
import { lazySupervisorOverlay } from './lazySupervisorOverlay';
import type { StorageServices } from './storageServices';
import { supervisorOnceStored } from './supervisorOnceStored';
import { warmOfflineChunks } from './warmOfflineChunks';

/**
 * The citizen kiosk under the supervisor layer. Opening supervisor mode first wipes the citizen
 * session; settings a supervisor saves apply at once (office name, languages, idle timings).
 * Once the attract screen is up, the storage and the sync engine open (they are not needed to
 * show it), then every chunk kept out of the start-up bundle (keyboard, QR encoder, languages,
 * supervisor screens) is fetched, so nothing waits for it later and a network loss after
 * start-up strands nothing.
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
  useEffect(() => {
    void warmOfflineChunks();
  }, []);
  useTitleInLoadedLanguage(boot.i18n);
  return (
    <CitizenKiosk
      services={services}
      i18n={boot.i18n}
      wrap={(children) => (
        <SupervisedSession boot={boot} storage={storage} supervisor={supervisor} settings={settings}>
          {children}
        </SupervisedSession>
      )}
    />
  );
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
  useEffect(() => {
    let live = true;
    lazy.ready().then(
      (services) => {
        if (live) setOpened(services);
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

function SupervisedSession({
  boot,
  storage,
  supervisor,
  settings,
  children,
}: {
  boot: BootedKiosk;
  storage: StorageServices | null;
  supervisor: SupervisorServices;
  settings: KioskSettings;
  children: ReactNode;
}) {
  const session = SessionContext.useActorRef();
  const resetSession = useCallback(() => session.send({ type: 'session.reset' }), [session]);
  useEffect(() => session.send({ type: 'settings.update', settings: sessionSettingsOf(settings) }), [session, settings]);
  useCatalogueUpdates(storage);
  const Overlay = useMemo(() => lazySupervisorOverlay(boot.i18n), [boot.i18n]);
  const mark = useEnrolmentMark(boot.enrolmentMark, storage);
  const atAttract = SessionContext.useSelector((snapshot) => snapshot.matches('attract'));
  return (
    <SupervisorFrame services={supervisor} onOpen={resetSession} Overlay={Overlay} autoLockMs={settings.supervisorAutoLockMinutes * 60_000}>
      {children}
      {atAttract && <EnrolmentCorner mark={mark} />}
    </SupervisorFrame>
  );
}

/** After each sync the office's names and logo may be newer: the header shows them at once, the slip from the next print. */
function useOfficeIdentityUpdates({ services }: BootedKiosk, storage: StorageServices | null): OfficeIdentity | null {
  const [identity, setIdentity] = useState(services.officeIdentity ?? null);
  useEffect(() => {
    if (!storage) return;
    return storage.sync.subscribe((status) => {
      if (status.phase !== 'idle') return;
      void storage.reloadOfficeIdentity().then((next) => setIdentity((current) => (next && next.version !== current?.version ? next : current)));
    });
  }, [storage]);
  return identity;
}

/**
 * Whether staff must act on the enrolment: as stored until the sync engine has started, then
 * live from its status (while it starts it does not know yet, and the corner must not flicker).
 */
function useEnrolmentMark(stored: EnrolmentMark | null, storage: StorageServices | null): EnrolmentMark | null {
  const [mark, setMark] = useState(stored);
  useEffect(() => {
    if (!storage) return;
    const follow = (status: ReturnType<StorageServices['sync']['getStatus']>) => {
      if (status.phase !== 'starting') setMark(enrolmentMarkOf(status));
    };
    follow(storage.sync.getStatus());
    return storage.sync.subscribe(follow);
  }, [storage]);
  return mark;
}

/**
 * The stored catalogue may be newer after each sync, and, once the storage is open, the one this
 * build ships may be newer than the stored one the first screen showed (src/storage/catalogue.ts):
 * the session shows the one to use from the next screen on.
 */
function useCatalogueUpdates(storage: StorageServices | null) {
  const session = SessionContext.useActorRef();
  useEffect(() => {
    if (!storage) return;
    let version = session.getSnapshot().context.catalogue.version;
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
