import type { ConsoleStore } from './consoleTypes';
import type { StaffStore } from './staffTypes';
import type { OfficeIdentityStore } from './officeIdentityTypes';
import type { PromptRecordingStore } from './promptRecordingTypes';
import type { Catalogue } from '../../../src/domain/catalogue';
import type { CitizenRequest } from '../../../src/domain/request';
import type { RefusalReasonCode } from '../../../src/domain/refusalReasons';
import type { RemoteStatus } from '../../../src/domain/status';
import type { StatusChange } from '../../../src/domain/syncProtocol';
import type { RateLimitStore } from './rateLimitTypes';
import type { CertificateStore } from './certificateTypes';
import type { EnrolmentGuardStore } from './enrolmentTypes';
import type { PortalStore } from './portalTypes';
import type { DirectoryStore } from './directoryTypes';
import type { OutboxStore } from './outboxTypes';

/**
 * What the back office keeps, behind one interface implemented on SQLite (sqliteStore.ts) and on
 * PostgreSQL (postgres/pgStore.ts), and checked on both by one contract suite (tests/backoffice/store/). Every method that writes more than one row does it in ONE transaction: a crash
 * leaves all of it or none of it. Times are ISO strings from the server's clock; secrets are
 * passed in already hashed, never in clear.
 */

export interface Office {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface Device {
  id: string;
  officeId: string;
  label: string;
  trackingPrefix: string;
  enrolledAt: string;
  revokedAt: string | null;
  /** Highest kiosk sequence seen from this device, rejected items included. */
  lastKioskSeq: number;
  /** Items that arrived with a kiosk sequence above last + 1 (some were never seen). */
  kioskSeqGaps: number;
  /** Items that arrived with a kiosk sequence at or below the last one (replays). */
  kioskSeqReplays: number;
}

/** Who a bearer token belongs to, whether or not it is still allowed in. Only kiosks hold tokens; staff sign in to the console. */
export interface Principal {
  kind: 'device';
  deviceId: string;
  officeId: string;
  revoked: boolean;
  officeRevoked: boolean;
  /** The last kiosk sequence recorded for the device when its token was looked up (the push's window base; see pushBounds.ts). */
  lastKioskSeq: number;
}

export type EnrolmentOutcome =
  /** `replaced`: the id of the device this enrolment replaced (the same tablet enrolled again), else null. */
  | { ok: true; device: Device; office: Office; replaced: string | null }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'officeRevoked' | 'prefixesExhausted' };

export interface EnrolmentInput {
  codeHash: string;
  now: string;
  device: { id: string; label: string; tokenHash: string };
  /** Every prefix the server may hand out, in the order to try them; the first free one is taken. */
  prefixCandidates: readonly string[];
  /**
   * The hash of the token the tablet held before (revoked or not): that device, if it is of the
   * code's office, is replaced (revoked, its prefixes moved to the new one, the change audited
   * under `auditId`) rather than left beside the new one.
   */
  replaces?: { tokenHash: string; auditId: string };
}

/** A pushed request that passed every check, with its canonical JSON (the content compared for idempotency). */
export interface ValidPushItem {
  request: CitizenRequest;
  canonical: string;
  /** The console's search terms (service/searchTerms.ts); absent: written later by the start-up indexing. */
  searchTerms?: readonly string[];
  /** The service's announced delay, from which the request's due time is set; absent or null: never overdue. */
  delayDays?: number | null;
}

/**
 * `trackingCodeTaken`: the device already stored another request under this code.
 * `trackingPrefixNotOwned`: the code's prefix belongs to another device (or the device has claimed its share).
 * `idNotOwned`: the id is another office's request; answered like any id the device does not own.
 */
export type StoredPushOutcome = 'accepted' | 'duplicate' | 'conflict' | 'trackingCodeTaken' | 'trackingPrefixNotOwned' | 'idNotOwned';

/** How many prefixes a device may claim besides the issued one: codes made before enrolment carry a random prefix. */
export const MAX_CLAIMED_PREFIXES = 2;

export interface PushInput {
  deviceId: string;
  officeId: string;
  receivedAt: string;
  /** Kiosk sequences of every item of the batch in order, invalid ones included, so a rejection still advances the device's sequence. */
  kioskSeqs: readonly number[];
  items: readonly ValidPushItem[];
  /** Items whose kiosk clock was outside the tolerated window, by request id: kept, and flagged. */
  clockFlags?: ReadonlyMap<string, ClockFlag>;
  /** A batch from the citizens' portal: its requests get channel `portal` and this account as owner; kiosk batches leave it out. */
  portalAccountId?: string;
}

export type ClockFlag = 'ahead' | 'behind';

export interface ChangesPage {
  changes: StatusChange[];
  /** True when more changes than `limit` are waiting after these. */
  more: boolean;
  /** The server's highest sequence across every office. */
  highWater: number;
}

export interface RequestSummary {
  id: string;
  officeId: string;
  trackingCode: string;
  status: RemoteStatus;
}

export interface StatusAppend {
  requestId: string;
  /** The status the caller checked the transition against; the append fails if it changed since. */
  expected: RemoteStatus;
  status: RemoteStatus;
  reason: string | null;
  reasonCode?: RefusalReasonCode | null;
  at: string;
  by: string;
}

export type StatusAppendOutcome = { ok: true; change: StatusChange } | { ok: false; current: RemoteStatus };

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  detail: string;
}

/** The retention purge: requests finished (final status) before `finishedBefore` lose their body. */
export interface PurgeInput {
  /** ISO time: the last status change of a purged request is at or before it. */
  finishedBefore: string;
  /** ISO time recorded as the purge's. */
  at: string;
}

export interface StoreStats {
  offices: number;
  devices: number;
  requests: number;
  statusChanges: number;
  auditEntries: number;
}

export interface Store extends RateLimitStore, EnrolmentGuardStore, StaffStore, ConsoleStore, CertificateStore, PromptRecordingStore, OfficeIdentityStore, PortalStore, DirectoryStore, OutboxStore {
  createOffice(office: { id: string; name: string; createdAt: string }): Promise<'created' | 'exists'>;
  getOffice(id: string): Promise<Office | null>;
  revokeOffice(id: string, at: string): Promise<boolean>;

  /** Stores the catalogue as the office's next version (the file's own version number is replaced) and returns it. */
  importCatalogue(officeId: string, catalogue: Catalogue, at: string): Promise<Catalogue>;
  /** The office's current catalogue, or the given version of it when that version is kept. */
  getCatalogue(officeId: string, version?: number): Promise<Catalogue | null>;
  /**
   * The current catalogue of at most `maxOffices` offices still served (one read), kept in this
   * instance's cache as `getCatalogue` keeps what it reads: an instance warming up before it
   * listens (service/warmUp.ts) spares its first pushes of each office the read and the parse.
   */
  cacheCurrentCatalogues(maxOffices: number): Promise<Catalogue[]>;
  /**
   * Stores the catalogue as the office's next version only if the current one is still
   * `expectedVersion` (an admin's edit in the console: two admins never overwrite each other).
   */
  replaceCatalogue(officeId: string, catalogue: Catalogue, expectedVersion: number, at: string): Promise<Catalogue | 'version_conflict'>;

  createEnrolmentCode(code: { codeHash: string; officeId: string; createdAt: string; expiresAt: string }): Promise<void>;
  redeemEnrolmentCode(input: EnrolmentInput): Promise<EnrolmentOutcome>;
  getDevice(id: string): Promise<Device | null>;
  /** Every kiosk, or an office's kiosks, in enrolment order. */
  listDevices(officeId?: string): Promise<Device[]>;
  revokeDevice(id: string, at: string): Promise<boolean>;

  findPrincipal(tokenHash: string): Promise<Principal | null>;

  /** Upserts the batch by id in one transaction; one outcome per item, in order. Never overwrites. */
  pushRequests(input: PushInput): Promise<StoredPushOutcome[]>;
  changesSince(officeId: string, since: number, limit: number): Promise<ChangesPage>;
  /** The request carrying this code from the device that owns the code's prefix (never another device's copy). */
  findRequestByTrackingCode(trackingCode: string): Promise<RequestSummary | null>;
  appendStatus(change: StatusAppend): Promise<StatusAppendOutcome>;
  /**
   * Empties the body (the citizen's personal data) of every request finished before the cutoff,
   * and its refusal reasons, keeping its id, office, tracking code, service, statuses and the
   * body's SHA-256 (so a resend is still `duplicate`); empties the details of audit entries
   * received before the cutoff. Nothing of the emptied values may remain in the database files.
   * Returns how many requests were purged; already purged ones are not counted.
   */
  purgeFinishedRequests(input: PurgeInput): Promise<number>;

  /** Append-only and idempotent by entry id: returns how many entries were new. */
  storeAudit(input: { deviceId: string; officeId: string; receivedAt: string; entries: readonly AuditEntry[] }): Promise<number>;

  stats(): Promise<StoreStats>;
  /** Resolves once the database is closed (PostgreSQL's connections ended); closing twice is harmless. */
  close(): Promise<void>;
}
