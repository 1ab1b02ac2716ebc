import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { KioskShell } from './KioskShell';
import type { SessionEvent } from '../machines/session/types';
import { KioskServicesProvider, type KioskServices } from './services';
import { SessionProvider } from './session/SessionProvider';

/**
 * The citizen side of the kiosk with its services and translations. `wrap` lets the composition
 * root put the supervisor layer between the session and the screens.
 */
export function CitizenKiosk({
  services,
  i18n,
  wrap = (children) => children,
  heldEvents,
}: {
  services: KioskServices;
  i18n: i18n;
  wrap?: (children: ReactNode) => ReactNode;
  /** Taps the attract screen held before the session machine arrived (src/ui/session/attractPort.ts). */
  heldEvents?: () => SessionEvent[];
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <KioskServicesProvider services={services}>
        <SessionProvider heldEvents={heldEvents}>{wrap(<KioskShell />)}</SessionProvider>
      </KioskServicesProvider>
    </I18nextProvider>
  );
}
