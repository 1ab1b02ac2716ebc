import type pg from 'pg';
import type { StaffRole } from '../../../../src/domain/console/roles';
import type { ActiveRole, NewStaffAccount, StaffAccount, StaffAuditEntry, StaffRoleGrant, StaffSession, StaffStore, ThrottleState } from '../staffTypes';
import { inTransaction, type Queryable } from './pool';

const accountColumns = (a: string) => `${a}.id, ${a}.login, ${a}.name, ${a}.password_hash AS "passwordHash",
  ${a}.activation_expires_at AS "activationExpiresAt", ${a}.created_at AS "createdAt", ${a}.last_login_at AS "lastLoginAt", ${a}.revoked_at AS "revokedAt"`;
const ACCOUNT_COLUMNS = accountColumns('staff_accounts');
const SESSION_COLUMNS = `token_hash AS "tokenHash", staff_id AS "staffId", csrf_token AS "csrfToken", created_at AS "createdAt",
  idle_expires_at AS "idleExpiresAt", absolute_expires_at AS "absoluteExpiresAt", revoked_at AS "revokedAt"`;

const INSERT_ROLE = `INSERT INTO staff_roles (staff_id, office_id, role, granted_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (staff_id, office_id) DO UPDATE SET role = excluded.role, granted_at = excluded.granted_at, revoked_at = NULL`;

async function revokeSessions(client: Queryable, staffId: string, at: string): Promise<number> {
  const { rowCount } = await client.query('UPDATE staff_sessions SET revoked_at = $1 WHERE staff_id = $2 AND revoked_at IS NULL', [at, staffId]);
  return rowCount ?? 0;
}

/** Staff accounts, roles, sessions, throttle and audit on PostgreSQL (see staffTypes.ts). */
export function pgStaff(pool: pg.Pool): StaffStore {
  async function one<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R | null> {
    return (await pool.query<R>(sql, params)).rows[0] ?? null;
  }

  return {
    createStaffAccount: (account: NewStaffAccount) =>
      inTransaction(pool, async (client): Promise<'created' | 'loginTaken'> => {
        const { rowCount } = await client.query(
          `INSERT INTO staff_accounts (id, login, name, activation_hash, activation_expires_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (login) DO NOTHING`,
          [account.id, account.login, account.name, account.activationHash, account.activationExpiresAt, account.createdAt],
        );
        if (rowCount === 0) return 'loginTaken';
        await client.query(INSERT_ROLE, [account.id, account.officeId, account.role, account.createdAt]);
        return 'created';
      }),
    getStaffAccount: (id) => one<StaffAccount>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts WHERE id = $1`, [id]),
    findStaffByLogin: (login) => one<StaffAccount>(`SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts WHERE login = $1`, [login]),
    findStaffByActivation: (hash, now) =>
      one<StaffAccount>(
        `SELECT ${ACCOUNT_COLUMNS} FROM staff_accounts WHERE activation_hash = $1 AND activation_expires_at > $2 AND revoked_at IS NULL`,
        [hash, now],
      ),
    setStaffPassword: async ({ staffId, passwordHash }) => {
      await pool.query('UPDATE staff_accounts SET password_hash = $1, activation_hash = NULL, activation_expires_at = NULL WHERE id = $2', [passwordHash, staffId]);
    },
    resetStaffPassword: (input) =>
      inTransaction(pool, async (client) => {
        await client.query('UPDATE staff_accounts SET password_hash = NULL, activation_hash = $1, activation_expires_at = $2 WHERE id = $3', [
          input.activationHash,
          input.activationExpiresAt,
          input.staffId,
        ]);
        await revokeSessions(client, input.staffId, input.at);
      }),
    revokeStaffAccount: (staffId, at) =>
      inTransaction(pool, async (client) => {
        const { rowCount } = await client.query(
          'UPDATE staff_accounts SET revoked_at = $1, activation_hash = NULL, activation_expires_at = NULL WHERE id = $2 AND revoked_at IS NULL',
          [at, staffId],
        );
        await revokeSessions(client, staffId, at);
        return rowCount === 1;
      }),
    recordLogin: async (staffId, at) => {
      await pool.query('UPDATE staff_accounts SET last_login_at = $1 WHERE id = $2', [at, staffId]);
    },

    grantRole: async ({ staffId, officeId, role, at }) => {
      await pool.query(INSERT_ROLE, [staffId, officeId, role, at]);
    },
    revokeRole: (input) =>
      inTransaction(pool, async (client) => {
        const { rowCount } = await client.query(
          'UPDATE staff_roles SET revoked_at = $1 WHERE staff_id = $2 AND office_id = $3 AND revoked_at IS NULL',
          [input.at, input.staffId, input.officeId],
        );
        if (rowCount === 1) await revokeSessions(client, input.staffId, input.at);
        return rowCount === 1;
      }),
    activeRoles: async (staffId) =>
      (
        await pool.query<ActiveRole>(
          `SELECT r.office_id AS "officeId", o.name AS "officeName", r.role FROM staff_roles r JOIN offices o ON o.id = r.office_id
           WHERE r.staff_id = $1 AND r.revoked_at IS NULL AND o.revoked_at IS NULL ORDER BY o.name COLLATE "C", o.id COLLATE "C"`,
          [staffId],
        )
      ).rows,
    listOfficeStaff: async (officeId) => {
      const { rows } = await pool.query<StaffAccount & { role: StaffRole; grantedAt: string; roleRevokedAt: string | null }>(
        `SELECT ${accountColumns('a')}, r.role, r.granted_at AS "grantedAt", r.revoked_at AS "roleRevokedAt"
         FROM staff_roles r JOIN staff_accounts a ON a.id = r.staff_id WHERE r.office_id = $1 ORDER BY a.name COLLATE "C", a.id COLLATE "C"`,
        [officeId],
      );
      return rows.map(({ role, grantedAt, roleRevokedAt, ...account }) => ({
        account,
        grant: { staffId: account.id, officeId, role, grantedAt, revokedAt: roleRevokedAt } satisfies StaffRoleGrant,
      }));
    },

    createSession: async (session) => {
      await pool.query(
        `INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, created_at, idle_expires_at, absolute_expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [session.tokenHash, session.staffId, session.csrfToken, session.createdAt, session.idleExpiresAt, session.absoluteExpiresAt],
      );
    },
    getSession: (tokenHash) => one<StaffSession>(`SELECT ${SESSION_COLUMNS} FROM staff_sessions WHERE token_hash = $1`, [tokenHash]),
    touchSession: async (tokenHash, idleExpiresAt) => {
      await pool.query('UPDATE staff_sessions SET idle_expires_at = $1 WHERE token_hash = $2', [idleExpiresAt, tokenHash]);
    },
    revokeSession: async (tokenHash, at) => {
      await pool.query('UPDATE staff_sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL', [at, tokenHash]);
    },
    revokeSessionsOf: (staffId, at) => revokeSessions(pool, staffId, at),

    // Shared by every instance: a lock taken through one is seen by all, and survives a restart.
    getThrottle: (key) =>
      one<ThrottleState>('SELECT failures, window_started_at AS "windowStartedAt", locked_until AS "lockedUntil" FROM login_throttle WHERE throttle_key = $1', [key]),
    putThrottle: async (key, state) => {
      await pool.query(
        `INSERT INTO login_throttle (throttle_key, failures, window_started_at, locked_until) VALUES ($1, $2, $3, $4)
         ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at,
           locked_until = excluded.locked_until`,
        [key, state.failures, state.windowStartedAt, state.lockedUntil],
      );
    },
    clearThrottle: async (key) => {
      await pool.query('DELETE FROM login_throttle WHERE throttle_key = $1', [key]);
    },

    appendStaffAudit: async (entry) => {
      await pool.query('INSERT INTO staff_audit (at, staff_id, office_id, action, request_id, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
        entry.at,
        entry.staffId,
        entry.officeId,
        entry.action,
        entry.requestId,
        entry.detail,
      ]);
    },
    listStaffAudit: async ({ officeId, staffId, limit }) =>
      (
        await pool.query<StaffAuditEntry>(
          `SELECT seq, at, staff_id AS "staffId", office_id AS "officeId", action, request_id AS "requestId", detail FROM staff_audit
           WHERE ($1::text IS NULL OR office_id = $1) AND ($2::text IS NULL OR staff_id = $2) ORDER BY seq DESC LIMIT $3`,
          [officeId ?? null, staffId ?? null, limit],
        )
      ).rows,
  };
}
