import type { StaffRole } from '../../../src/domain/console/roles';

/**
 * Staff accounts, their roles per office, their sessions, the login throttle and the staff audit
 * log. Secrets arrive hashed (passwords as argon2id PHC strings, codes and session tokens as
 * SHA-256); none is ever stored or returned in clear.
 */

export interface StaffAccount {
  id: string;
  login: string;
  name: string;
  passwordHash: string | null;
  activationExpiresAt: string | null;
  createdAt: string;
  lastLoginAt: string | null;
  revokedAt: string | null;
}

export interface StaffRoleGrant {
  staffId: string;
  officeId: string;
  role: StaffRole;
  grantedAt: string;
  revokedAt: string | null;
}

/** A role in an office still served, as the session sees it. */
export interface ActiveRole {
  officeId: string;
  officeName: string;
  role: StaffRole;
}

export interface NewStaffAccount {
  id: string;
  login: string;
  name: string;
  officeId: string;
  role: StaffRole;
  activationHash: string;
  activationExpiresAt: string;
  createdAt: string;
}

export interface StaffSession {
  tokenHash: string;
  staffId: string;
  csrfToken: string;
  createdAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  revokedAt: string | null;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

export interface StaffAuditInput {
  at: string;
  staffId: string | null;
  officeId: string | null;
  /** `login`, `loginFailed`, `viewRequest`, `assign`, `status`, `certificateIssued`, … */
  action: string;
  requestId: string | null;
  /** Short, and never a password, a code or a token. */
  detail: string;
}

export interface StaffAuditEntry extends StaffAuditInput {
  seq: number;
}

export interface StaffStore {
  /** 'loginTaken' when another account has that login. */
  createStaffAccount(account: NewStaffAccount): Promise<'created' | 'loginTaken'>;
  getStaffAccount(id: string): Promise<StaffAccount | null>;
  findStaffByLogin(login: string): Promise<StaffAccount | null>;
  /** Only an unexpired, unused code of an account not revoked. */
  findStaffByActivation(activationHash: string, now: string): Promise<StaffAccount | null>;
  /** Sets the password and spends the activation code, in one step. */
  setStaffPassword(input: { staffId: string; passwordHash: string; at: string }): Promise<void>;
  /** Clears the password, issues a new activation code and ends every session. */
  resetStaffPassword(input: { staffId: string; activationHash: string; activationExpiresAt: string; at: string }): Promise<void>;
  /** The person is revoked everywhere; their sessions end. False if already revoked or unknown. */
  revokeStaffAccount(staffId: string, at: string): Promise<boolean>;
  recordLogin(staffId: string, at: string): Promise<void>;

  /** Grants or changes a role in an office (re-granting a revoked role restores it). */
  grantRole(grant: { staffId: string; officeId: string; role: StaffRole; at: string }): Promise<void>;
  /** Removes the person from one office; their sessions end. False if they had no active role there. */
  revokeRole(input: { staffId: string; officeId: string; at: string }): Promise<boolean>;
  /** Active roles in offices not revoked. */
  activeRoles(staffId: string): Promise<ActiveRole[]>;
  /** Every account with a role (active or revoked) in the office, with that role. */
  listOfficeStaff(officeId: string): Promise<Array<{ account: StaffAccount; grant: StaffRoleGrant }>>;

  createSession(session: Omit<StaffSession, 'revokedAt'>): Promise<void>;
  getSession(tokenHash: string): Promise<StaffSession | null>;
  touchSession(tokenHash: string, idleExpiresAt: string): Promise<void>;
  revokeSession(tokenHash: string, at: string): Promise<void>;
  revokeSessionsOf(staffId: string, at: string): Promise<number>;

  getThrottle(key: string): Promise<ThrottleState | null>;
  putThrottle(key: string, state: ThrottleState): Promise<void>;
  clearThrottle(key: string): Promise<void>;

  appendStaffAudit(entry: StaffAuditInput): Promise<void>;
  /** Newest first. */
  listStaffAudit(filter: { officeId?: string; staffId?: string; limit: number }): Promise<StaffAuditEntry[]>;
}
