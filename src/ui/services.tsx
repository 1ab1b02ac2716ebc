import { createContext, useContext, type ReactNode } from 'react';
import type { RecordedPrompts } from '../domain/audioPrompts';
import type { Catalogue } from '../domain/catalogue';
import type { OfficeIdentity } from '../domain/officeIdentity';
import type { KioskSettings } from '../domain/settings';
import type { SavedRequest, SaveRequestInput, StatusLookupInput, StatusLookupResult } from '../machines/session/types';
import type { KioskPlatform } from '../platform/types';

/**
 * What the screens may use, handed down by the composition root (src/app). Screens never import
 * storage: they reach the outbox and the statuses only through these functions.
 */
export interface KioskServices {
  /** Writes the request durably to the outbox; resolves only once it is committed. */
  submit(input: SaveRequestInput): Promise<SavedRequest>;
  /** Opens a request's status only with the holder's proof; throttled per kiosk. */
  lookupStatus(input: StatusLookupInput): Promise<StatusLookupResult>;
  /** Alerts the staff (a chime at the counter) and records the call; called within the citizen's tap. */
  callStaff(): void;
  /** The office's own prompt recordings as this kiosk holds them (read when a citizen turns guidance on). */
  recordedPrompts?(): Promise<RecordedPrompts>;
  catalogue: Catalogue;
  settings: KioskSettings;
  /** The office's names and logo as last pulled from the back office; absent before the first pull. */
  officeIdentity?: OfficeIdentity | null;
  platform: KioskPlatform;
}

const KioskServicesContext = createContext<KioskServices | null>(null);

export function KioskServicesProvider({ services, children }: { services: KioskServices; children: ReactNode }) {
  return <KioskServicesContext.Provider value={services}>{children}</KioskServicesContext.Provider>;
}

export function useKioskServices(): KioskServices {
  const services = useContext(KioskServicesContext);
  if (!services) throw new Error('useKioskServices needs a KioskServicesProvider (the composition root provides it)');
  return services;
}
