import type { RefusalReasonCode } from '../../../src/domain/refusalReasons';
import type { RemoteStatus } from '../../../src/domain/status';

/**
 * The citizens' portal's part of the store (migration 011, docs/portal.md): accounts, one-time
 * codes and links, bearer sessions, installations (a device of the reserved office `_portal`),
 * and the reads "my requests" needs. Secrets arrive hashed; times are ISO strings.
 */

/** The reserved office that owns portal installations (revoked from the start: no kiosk enrols into it). */
export const PORTAL_OFFICE_ID = '_portal';
export const PORTAL_OFFICE_NAME = 'Portal installations (reserved)';

export interface PortalAccountRecord {
  id: string;
  phone: string | null;
  email: string | null;
  createdAt: string;
  lastSeenAt: string;
}

/** The one outstanding code or link of an address (`sms:+212…` or `email:…`); a new one replaces it. */
export interface LoginCodeInput {
  address: string;
  secretHash: string;
  createdAt: string;
  expiresAt: string;
}

/** `ok` consumed the code; `wrong` counted a try (the code dies at `maxTries`); `none`: no live code. */
export type LoginCodeCheck = 'ok' | 'wrong' | 'none';

export interface PortalSignInInput {
  /** The account is found by this phone or e-mail, or created with `newAccountId`. */
  identity: { phone: string } | { email: string };
  newAccountId: string;
  at: string;
  session: { tokenHash: string; idleExpiresAt: string; absoluteExpiresAt: string };
  installation: {
    /** Kept when it is this account's and not retired; else a new installation is made. */
    previousId?: string;
    newId: string;
    /** The device row's token hash: random, never given to anyone (installations push with the session). */
    tokenHash: string;
    /** Prefixes to try, in order; the first one no device has is taken. */
    prefixCandidates: readonly string[];
  };
}

export interface PortalInstallationRecord {
  id: string;
  trackingPrefix: string;
  lastSeq: number;
}

export type PortalSignInOutcome =
  | { ok: true; account: PortalAccountRecord; installation: PortalInstallationRecord; accountCreated: boolean }
  | { ok: false; reason: 'prefixesExhausted' };

export interface PortalSessionRecord {
  accountId: string;
  installationId: string;
  createdAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  revokedAt: string | null;
}

/** One of an account's requests, as "my requests" shows it. */
export interface PortalRequestRecord {
  id: string;
  trackingCode: string;
  serviceId: string;
  officeId: string;
  status: RemoteStatus;
  receivedAt: string;
  statusAt: string;
  /** Of the last status change (a refusal's). */
  reasonCode: RefusalReasonCode | null;
  reason: string | null;
  /** The stored verifier's JSON, null once emptied. */
  statusProof: string | null;
}

export interface PortalPurgeInput {
  now: string;
  /** Accounts without requests or sessions, not seen since then, are deleted. */
  unusedBefore: string;
}

export interface PortalPurgeResult {
  codes: number;
  sessions: number;
  accounts: number;
}

export interface PortalStore {
  putLoginCode(code: LoginCodeInput): Promise<void>;
  checkLoginCode(input: { address: string; secretHash: string; now: string; maxTries: number }): Promise<LoginCodeCheck>;
  /** An e-mail link: its address, consumed, when it exists and has not expired; else null. */
  takeLoginLink(secretHash: string, now: string): Promise<string | null>;

  /** Finds or creates the account, keeps or makes the installation, opens the session: one transaction. */
  portalSignIn(input: PortalSignInInput): Promise<PortalSignInOutcome>;
  getPortalSession(tokenHash: string): Promise<PortalSessionRecord | null>;
  /** Pushes the idle expiry (never past the absolute one; the caller computes it) and the account's last use. */
  touchPortalSession(tokenHash: string, idleExpiresAt: string, at: string): Promise<void>;
  revokePortalSession(tokenHash: string, at: string): Promise<boolean>;
  /** `now` decides which sessions are still open. */
  getPortalAccount(accountId: string, now: string): Promise<{ account: PortalAccountRecord; requests: number; sessions: number } | null>;
  getPortalInstallation(installationId: string): Promise<PortalInstallationRecord | null>;

  /** Offices a citizen may choose: not revoked, with a catalogue; by id. */
  listServedOffices(): Promise<{ id: string; name: string }[]>;
  /** The account's requests, newest first. */
  portalRequests(accountId: string, limit: number): Promise<PortalRequestRecord[]>;
  /** One of the account's requests; null when none, or another's. */
  portalRequest(accountId: string, requestId: string): Promise<PortalRequestRecord | null>;
  /** Empties a withdrawn request's personal data at once (body, verifier, search terms but its code), as the retention purge would. */
  emptyWithdrawnRequest(requestId: string, at: string): Promise<void>;

  /**
   * Law 09-08: detaches the account's requests, deletes its sessions, codes and the account,
   * retires its installations and writes the staff audit entry, in one transaction. Returns how
   * many requests were detached, or null when there is no such account.
   */
  deletePortalAccount(input: { accountId: string; at: string; auditDetail: string }): Promise<{ detached: number } | null>;
  /** Expired codes, ended sessions, and accounts with neither requests nor sessions unused since `unusedBefore`. */
  purgePortal(input: PortalPurgeInput): Promise<PortalPurgeResult>;
}
