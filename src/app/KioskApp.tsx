import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { KioskSettings } from '../domain/settings';
import { sessionSettingsOf } from '../machines/session/draft';
import type { SupervisorServices } from '../supervisor/types';
import { CitizenKiosk } from '../ui/CitizenKiosk';
import { SessionContext } from '../ui/session/SessionProvider';
import { SupervisorLayer } from '../ui/supervisor/SupervisorLayer';
import type { BootedKiosk } from './bootstrap';

/**
 * The citizen kiosk under the supervisor layer. Opening supervisor mode first wipes the citizen
 * session; settings a supervisor saves apply at once (office name, languages, idle timings).
 */
export function KioskApp({ boot }: { boot: BootedKiosk }) {
  const [settings, setSettings] = useState(boot.services.settings);
  const services = useMemo(() => ({ ...boot.services, settings }), [boot.services, settings]);
  const supervisor = useMemo(() => withSettingsListener(boot.supervisor, setSettings), [boot.supervisor]);
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
  return (
    <SupervisorLayer services={supervisor} onOpen={resetSession}>
      {children}
    </SupervisorLayer>
  );
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
