import { useCallback, useEffect, type ReactNode } from 'react';
import { CitizenKiosk } from '../ui/CitizenKiosk';
import { SessionContext } from '../ui/session/SessionProvider';
import { SupervisorLayer } from '../ui/supervisor/SupervisorLayer';
import type { BootedKiosk } from './bootstrap';

/** The citizen kiosk under the supervisor layer; opening supervisor mode first wipes the citizen session. */
export function KioskApp({ boot }: { boot: BootedKiosk }) {
  return <CitizenKiosk services={boot.services} i18n={boot.i18n} wrap={(children) => <SupervisedSession boot={boot}>{children}</SupervisedSession>} />;
}

function SupervisedSession({ boot, children }: { boot: BootedKiosk; children: ReactNode }) {
  const session = SessionContext.useActorRef();
  const resetSession = useCallback(() => session.send({ type: 'session.reset' }), [session]);
  useCatalogueUpdates(boot);
  return (
    <SupervisorLayer services={boot.supervisor} onOpen={resetSession}>
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
