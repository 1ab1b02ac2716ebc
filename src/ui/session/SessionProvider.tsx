import { createActorContext } from '@xstate/react';
import { useMemo, type ReactNode } from 'react';
import { fromPromise } from 'xstate';
import { officeNameIn } from '../../domain/officeIdentity';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import type { PrintOutcome, PrintReceiptInput, SavedRequest, SaveRequestInput, StatusLookupInput, StatusLookupResult } from '../../machines/session/types';
import { sessionSettingsOf } from '../../machines/session/draft';
import { sessionMachine } from '../../machines/sessionMachine';
import { useKioskServices } from '../services';
import { useI18nInstance } from '../i18nInstance';

/** The one citizen session of the kiosk; screens read it with `SessionContext.useSelector`. */
export const SessionContext = createActorContext(sessionMachine);

/** Runs the session machine with its side effects bound to the kiosk services. */
export function SessionProvider({ children }: { children: ReactNode }) {
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
  return (
    <SessionContext.Provider
      logic={logic}
      options={{ input: { catalogue, settings: sessionSettingsOf(settings) } }}
    >
      {children}
    </SessionContext.Provider>
  );
}
