import { randomBytes } from 'node:crypto';
import { hashSecret } from './secrets';
import type { ActiveRole, StaffAccount, StaffSession, StaffStore } from '../store/staffTypes';

/** A session ends after this long without a request, and in any case this long after sign-in. */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

const TOUCH_EVERY_MS = 60_000;

export interface OpenedSession {
  /** The cookie's value: given to the browser once, kept only as a hash. */
  token: string;
  session: StaffSession;
}

export async function openSession(store: StaffStore, staffId: string, policy: SessionPolicy, now: Date): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const session: StaffSession = {
    tokenHash: hashSecret(token),
    staffId,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now.toISOString(),
    idleExpiresAt: new Date(now.getTime() + policy.idleMs).toISOString(),
    absoluteExpiresAt: new Date(now.getTime() + policy.absoluteMs).toISOString(),
    revokedAt: null,
  };
  await store.createSession(session);
  return { token, session };
}

export interface ActiveSession {
  session: StaffSession;
  account: StaffAccount;
  roles: ActiveRole[];
}

/**
 * The session behind a cookie token, if it is still good: not revoked, not idle too long, not
 * past its absolute end, its person not revoked and still working somewhere. Using it moves its
 * idle end on, unless the call is the page's own background polling (`extend: false`): a console
 * left open on an unattended PC must still end.
 */
export async function resumeSession(
  store: StaffStore,
  token: string,
  policy: SessionPolicy,
  now: Date,
  options: { extend: boolean } = { extend: true },
): Promise<ActiveSession | null> {
  const session = await store.getSession(hashSecret(token));
  if (!session || session.revokedAt !== null) return null;
  const at = now.toISOString();
  if (session.idleExpiresAt <= at || session.absoluteExpiresAt <= at) return null;
  const account = await store.getStaffAccount(session.staffId);
  if (!account || account.revokedAt !== null) return null;
  const roles = await store.activeRoles(account.id);
  if (roles.length === 0) return null;
  if (!options.extend) return { session, account, roles };
  const idleEnd = Math.min(now.getTime() + policy.idleMs, Date.parse(session.absoluteExpiresAt));
  // Written at most once a minute: a queue page polled every few seconds should not cost a disk write each time.
  if (idleEnd - Date.parse(session.idleExpiresAt) < TOUCH_EVERY_MS) return { session, account, roles };
  const idleExpiresAt = new Date(idleEnd).toISOString();
  await store.touchSession(session.tokenHash, idleExpiresAt);
  return { session: { ...session, idleExpiresAt }, account, roles };
}
