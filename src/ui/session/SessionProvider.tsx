import { useActorRef } from '@xstate/react';
import { useLayoutEffect, useMemo, type ReactNode } from 'react';
import { fromPromise, type ActorRefFrom } from 'xstate';
import { officeNameIn } from '../../domain/officeIdentity';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import type { PrintOutcome, PrintReceiptInput, SavedRequest, SaveRequestInput, SessionEvent, StatusLookupInput, StatusLookupResult } from '../../machines/session/types';
import { sessionSettingsOf } from '../../machines/session/draft';
import { sessionMachine } from '../../machines/sessionMachine';
import { useKioskServices } from '../services';
import { useI18nInstance } from '../i18nInstance';
import { currentOverlays, currentScreen } from './currentScreen';
import { SessionPortContext, type SessionPort, type SessionView } from './sessionPort';

/**
 * Runs the session machine with its side effects bound to the kiosk services, and gives the
 * screens its port. `heldEvents`: the taps the attract screen took before the machine arrived
 * (src/ui/session/attractPort.ts), sent first, before the machine's first paint.
 */
export function SessionProvider({ children, heldEvents }: { children: ReactNode; heldEvents?: () => SessionEvent[] }) {
  const port = useSessionMachine(heldEvents);
  return <SessionPortContext.Provider value={port}>{children}</SessionPortContext.Provider>;
}

/** The one citizen session of the kiosk, as the screens' port (src/ui/session/sessionPort.ts). */
export function useSessionMachine(heldEvents?: () => SessionEvent[]): SessionPort {
  const services = useKioskServices();
  // The i18n instance is stable; the receipt's texts are taken in the citizen's language at print time.
  const i18n = useI18nInstance();
  const logic = useMemo(
    () =>
      sessionMachine.provide({
        actions: { alertStaff: () => services.callStaff() },
        actors: {
          saveRequest: fromPromise<SavedRequest, SaveRequestInput>(({ input }) => services.submit(input)),
          lookupStatus: fromPromise<StatusLookupResult, StatusLookupInput>(({ input }) => services.lookupStatus(input)),
          printReceipt: fromPromise<PrintOutcome, PrintReceiptInput>(async ({ input }) => {
            const { settings, platform } = services;
            const officeName = officeNameIn(input.locale, {
              identity: services.officeIdentity ?? null,
              configuredName: settings.officeName,
              defaultConfiguredName: DEFAULT_SETTINGS.officeName,
              neutralName: i18n.getFixedT(input.locale, 'journey')('office.defaultName'),
            });
            // Its own chunk, out of the start-up bundle (warmed with the later screens: src/app/warmOfflineChunks.ts).
            const { receiptToPrint } = await import('../receipt/receiptToPrint');
            const receipt = await receiptToPrint(input, {
              catalogue: input.catalogue,
              officeName,
              t: i18n.getFixedT(input.locale, ['citizen', 'journey']),
              now: new Date(),
            });
            const result = await platform.printReceipt(receipt);
            return result.ok ? { ok: true } : { ok: false, reason: result.reason };
          }),
        },
      }),
    // @xstate/react swaps the implementations of the running actor when these change (settings saved by a supervisor).
    [services, i18n],
  );
  const { settings, catalogue } = services;
  const actor = useActorRef(logic, { input: { catalogue, settings: sessionSettingsOf(settings) } });
  const port = useMemo(() => machinePortOf(actor), [actor]);
  useLayoutEffect(() => {
    for (const event of heldEvents?.() ?? []) actor.send(event);
  }, [actor, heldEvents]);
  return port;
}

/** The view is worked out once per snapshot, so every reader of one snapshot sees the same object. */
function machinePortOf(actor: ActorRefFrom<typeof sessionMachine>): SessionPort {
  let last: { snapshot: ReturnType<typeof actor.getSnapshot>; view: SessionView } | null = null;
  return {
    getView: () => {
      const snapshot = actor.getSnapshot();
      if (last?.snapshot !== snapshot) last = { snapshot, view: { context: snapshot.context, screen: currentScreen(snapshot), overlays: currentOverlays(snapshot), matches: (state) => snapshot.matches(state) } };
      return last.view;
    },
    subscribe: (onChange) => {
      const subscription = actor.subscribe(() => onChange());
      return () => subscription.unsubscribe();
    },
    send: (event) => actor.send(event),
  };
}
