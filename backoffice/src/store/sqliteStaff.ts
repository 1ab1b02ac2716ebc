import type Database from 'better-sqlite3';
import type { StaffRole } from '../../../src/domain/console/roles';
import type { ActiveRole, NewStaffAccount, StaffAccount, StaffAuditEntry, StaffAuditInput, StaffRoleGrant, StaffSession, StaffStore, ThrottleState } from './staffTypes';

const accountColumns = (a: string) => `${a}.id, ${a}.login, ${a}.name, ${a}.password_hash AS passwordHash,
  ${a}.activation_expires_at AS activationExpiresAt, ${a}.created_at AS createdAt, ${a}.last_login_at AS lastLoginAt, ${a}.revoked_at AS revokedAt`;
const ACCOUNT_COLUMNS = accountColumns('staff_accounts');
const SESSION_COLUMNS = `token_hash AS tokenHash, staff_id AS staffId, csrf_token AS csrfToken, created_at AS createdAt,
  idle_expires_at AS idleExpiresAt, absolute_expires_at AS absoluteExpiresAt, revoked_at AS revokedAt`;

/** Staff accounts, roles, sessions, throttle and audit on SQLite (see staffTypes.ts). */
export function sqliteStaff(db: Database.Database): StaffStore {
  const insertAccount = db.prepare(
    `INSERT INTO staff_accounts (id, login, name, activation_hash, activation_expires_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (login) DO NOTHING`,
  );
  const insertRole = db.prepare(
    `INSERT INTO staff_roles (staff_id, office_id, role, granted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (staff_id, office_id) DO UPDATE SET role = excluded.role, granted_at = excluded.granted_at, revoked_at = NULL`,
  );
  const selectAccount = db.prepare<[string], StaffAccount>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts WHERE id = ?`);
  const selectByLogin = db.prepare<[string], StaffAccount>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts WHERE login = ?`);
  const selectByActivation = db.prepare<[string, string], StaffAccount>(
    `SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts
     WHERE activation_hash = ? AND activation_expires_at > ? AND revoked_at IS NULL`,
  );
  const revokeSessions = db.prepare('UPDATE staff_sessions SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL');

  const create = db.transaction((account: NewStaffAccount): 'created' | 'loginTaken' => {
    const { changes } = insertAccount.run(account.id, account.login, account.name, account.activationHash, account.activationExpiresAt, account.createdAt);
    if (changes === 0) return 'loginTaken';
    insertRole.run(account.id, account.officeId, account.role, account.createdAt);
    return 'created';
  });

  const reset = db.transaction((input: { staffId: string; activationHash: string; activationExpiresAt: string; at: string }) => {
    db.prepare('UPDATE staff_accounts SET password_hash = NULL, activation_hash = ?, activation_expires_at = ? WHERE id = ?').run(
      input.activationHash,
      input.activationExpiresAt,
      input.staffId,
    );
    revokeSessions.run(input.at, input.staffId);
  });

  const revokeAccount = db.transaction((staffId: string, at: string): boolean => {
    const { changes } = db
      .prepare('UPDATE staff_accounts SET revoked_at = ?, activation_hash = NULL, activation_expires_at = NULL WHERE id = ? AND revoked_at IS NULL')
      .run(at, staffId);
    revokeSessions.run(at, staffId);
    return changes === 1;
  });

  const revokeRole = db.transaction((input: { staffId: string; officeId: string; at: string }): boolean => {
    const { changes } = db
      .prepare('UPDATE staff_roles SET revoked_at = ? WHERE staff_id = ? AND office_id = ? AND revoked_at IS NULL')
      .run(input.at, input.staffId, input.officeId);
    if (changes === 1) revokeSessions.run(input.at, input.staffId);
    return changes === 1;
  });

  const selectActiveRoles = db.prepare<[string], ActiveRole>(
    `SELECT r.office_id AS officeId, o.name AS officeName, r.role FROM staff_roles r JOIN offices o ON o.id = r.office_id
     WHERE r.staff_id = ? AND r.revoked_at IS NULL AND o.revoked_at IS NULL ORDER BY o.name, o.id`,
  );
  const selectOfficeStaff = db.prepare<[string], StaffAccount & { role: StaffRole; grantedAt: string; roleRevokedAt: string | null }>(
    `SELECT ${accountColumns('a')}, r.role, r.granted_at AS grantedAt, r.revoked_at AS roleRevokedAt
     FROM staff_roles r JOIN staff_accounts a ON a.id = r.staff_id WHERE r.office_id = ? ORDER BY a.name, a.id`,
  );
  const selectSession = db.prepare<[string], StaffSession>(`SELECT ${SESSION_COLUMNS} FROM staff_sessions WHERE token_hash = ?`);
  const selectThrottle = db.prepare<[string], ThrottleState>(
    'SELECT failures, window_started_at AS windowStartedAt, locked_until AS lockedUntil FROM login_throttle WHERE throttle_key = ?',
  );
  const insertAudit = db.prepare('INSERT INTO staff_audit (at, staff_id, office_id, action, request_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
  const selectAudit = db.prepare<[string | null, string | null, string | null, string | null, number], StaffAuditEntry>(
    `SELECT seq, at, staff_id AS staffId, office_id AS officeId, action, request_id AS requestId, detail FROM staff_audit
     WHERE (? IS NULL OR office_id = ?) AND (? IS NULL OR staff_id = ?) ORDER BY seq DESC LIMIT ?`,
  );

  return {
    createStaffAccount: async (account) => create.immediate(account),
    getStaffAccount: async (id) => selectAccount.get(id) ?? null,
    findStaffByLogin: async (login) => selectByLogin.get(login) ?? null,
    findStaffByActivation: async (hash, now) => selectByActivation.get(hash, now) ?? null,
    setStaffPassword: async ({ staffId, passwordHash }) => {
      db.prepare('UPDATE staff_accounts SET password_hash = ?, activation_hash = NULL, activation_expires_at = NULL WHERE id = ?').run(
        passwordHash,
        staffId,
      );
    },
    resetStaffPassword: async (input) => reset.immediate(input),
    revokeStaffAccount: async (staffId, at) => revokeAccount.immediate(staffId, at),
    recordLogin: async (staffId, at) => {
      db.prepare('UPDATE staff_accounts SET last_login_at = ? WHERE id = ?').run(at, staffId);
    },

    grantRole: async ({ staffId, officeId, role, at }) => {
      insertRole.run(staffId, officeId, role, at);
    },
    revokeRole: async (input) => revokeRole.immediate(input),
    activeRoles: async (staffId) => selectActiveRoles.all(staffId),
    listOfficeStaff: async (officeId) =>
      selectOfficeStaff.all(officeId).map(({ role, grantedAt, roleRevokedAt, ...account }) => ({
        account,
        grant: { staffId: account.id, officeId, role, grantedAt, revokedAt: roleRevokedAt } satisfies StaffRoleGrant,
      })),

    createSession: async (session) => {
      db.prepare(
        `INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, created_at, idle_expires_at, absolute_expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(session.tokenHash, session.staffId, session.csrfToken, session.createdAt, session.idleExpiresAt, session.absoluteExpiresAt);
    },
    getSession: async (tokenHash) => selectSession.get(tokenHash) ?? null,
    touchSession: async (tokenHash, idleExpiresAt) => {
      db.prepare('UPDATE staff_sessions SET idle_expires_at = ? WHERE token_hash = ?').run(idleExpiresAt, tokenHash);
    },
    revokeSession: async (tokenHash, at) => {
      db.prepare('UPDATE staff_sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(at, tokenHash);
    },
    revokeSessionsOf: async (staffId, at) => revokeSessions.run(at, staffId).changes,

    getThrottle: async (key) => selectThrottle.get(key) ?? null,
    putThrottle: async (key, state) => {
      db.prepare(
        `INSERT INTO login_throttle (throttle_key, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
         ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at,
           locked_until = excluded.locked_until`,
      ).run(key, state.failures, state.windowStartedAt, state.lockedUntil);
    },
    clearThrottle: async (key) => {
      db.prepare('DELETE FROM login_throttle WHERE throttle_key = ?').run(key);
    },

    appendStaffAudit: async (entry: StaffAuditInput) => {
      insertAudit.run(entry.at, entry.staffId, entry.officeId, entry.action, entry.requestId, entry.detail);
    },
    listStaffAudit: async ({ officeId, staffId, limit }) =>
      selectAudit.all(officeId ?? null, officeId ?? null, staffId ?? null, staffId ?? null, limit),
  };
}
