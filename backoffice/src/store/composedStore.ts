import type { CertificateStore } from './certificateTypes';
import type { ConsoleStore } from './consoleTypes';
import type { DirectoryStore } from './directoryTypes';
import type { EnrolmentGuardStore } from './enrolmentTypes';
import type { OfficeIdentityStore } from './officeIdentityTypes';
import type { OutboxStore } from './outboxTypes';
import type { PortalStore } from './portalTypes';
import type { PromptRecordingStore } from './promptRecordingTypes';
import type { RateLimitStore } from './rateLimitTypes';
import type { StaffStore } from './staffTypes';
import type { Store } from './types';

export type OfficeStore = Pick<Store, 'createOffice' | 'getOffice' | 'revokeOffice'>;
export type CatalogueStore = Pick<Store, 'importCatalogue' | 'replaceCatalogue' | 'getCatalogue' | 'cacheCurrentCatalogues'>;
/** Enrolment codes, the kiosks they enrol, the tokens kiosks present and the audit entries they send. */
export type KioskStore = Pick<
  Store,
  'createEnrolmentCode' | 'redeemEnrolmentCode' | 'getDevice' | 'listDevices' | 'revokeDevice' | 'findPrincipal' | 'storeAudit'
>;
export type RequestStore = Pick<Store, 'pushRequests' | 'changesSince' | 'findRequestByTrackingCode' | 'appendStatus' | 'purgeFinishedRequests'>;

/**
 * What each engine builds from its own SQL, one part per capability (SQLite: `sqliteStore.ts`,
 * PostgreSQL: `postgres/pgStore.ts`). The store is their sum; no method is written twice.
 */
export interface StoreParts {
  offices: OfficeStore;
  catalogues: CatalogueStore;
  kiosks: KioskStore;
  enrolmentGuard: EnrolmentGuardStore;
  requests: RequestStore;
  rateLimits: RateLimitStore;
  staff: StaffStore;
  console: ConsoleStore;
  certificates: CertificateStore;
  recordings: PromptRecordingStore;
  officeIdentity: OfficeIdentityStore;
  portal: PortalStore;
  directory: DirectoryStore;
  outbox: OutboxStore;
}

/** Every method of the store but its engine's own lifecycle (`stats`, `close`). */
export type StoreCapabilities = Omit<Store, 'stats' | 'close'>;

/**
 * The one delegation from the store to its parts. A part must hold its capability's methods and
 * nothing else (an engine strips its internal helpers before handing a part over): a later part
 * would otherwise shadow an earlier one's method of the same name.
 */
export function composeStore(parts: StoreParts): StoreCapabilities {
  return {
    ...parts.offices,
    ...parts.catalogues,
    ...parts.kiosks,
    ...parts.enrolmentGuard,
    ...parts.requests,
    ...parts.rateLimits,
    ...parts.staff,
    ...parts.console,
    ...parts.certificates,
    ...parts.recordings,
    ...parts.officeIdentity,
    ...parts.portal,
    ...parts.directory,
    ...parts.outbox,
  };
}

/**
 * The base both engines' stores extend: an instance carries its parts' methods as its own
 * properties. A plain constructor function (a class with nothing but a constructor is what the
 * linter rightly calls extraneous); the cast is the one place TypeScript is told what it builds,
 * and `composeStore` checks that every method is there.
 */
function composedStoreBase(this: object, parts: StoreParts): void {
  Object.assign(this, composeStore(parts));
}
export const ComposedStore = composedStoreBase as unknown as new (parts: StoreParts) => StoreCapabilities;
