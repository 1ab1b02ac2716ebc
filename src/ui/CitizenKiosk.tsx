import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { KioskShell } from './KioskShell';
import { KioskServicesProvider, type KioskServices } from './services';
import { SessionProvider } from './session/SessionProvider';

/**
 * The citizen side of the kiosk with its services and translations, the session machine running
 * from the first render: what the screens' tests draw. The kiosk itself (src/app/KioskApp.tsx)
 * draws the attract screen before the machine arrives and puts the supervisor layer around it.
 */
export function CitizenKiosk({ services, i18n }: { services: KioskServices; i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <KioskServicesProvider services={services}>
        <SessionProvider>
          <KioskShell />
        </SessionProvider>
      </KioskServicesProvider>
    </I18nextProvider>
  );
}
