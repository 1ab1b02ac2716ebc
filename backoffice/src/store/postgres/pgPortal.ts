import type pg from 'pg';
import {
  PORTAL_OFFICE_ID,
  PORTAL_OFFICE_NAME,
  type LoginCodeCheck,
  type PortalAccountRecord,
  type PortalInstallationRecord,
  type PortalRequestRecord,
  type PortalSessionRecord,
  type PortalSignInOutcome,
  type PortalStore,
} from '../portalTypes';
import { ADVISORY_LOCKS, inTransaction, type Queryable } from './pool';
import { TRACKING_KEY_ONLY } from './pgSearchKeys';

const ACCOUNT_COLUMNS = 'id, phone, email, created_at AS "createdAt", last_seen_at AS "lastSeenAt"';
const INSTALLATION_COLUMNS = 'd.id, d.tracking_prefix AS "trackingPrefix", d.last_kiosk_seq AS "lastSeq"';
const REQUEST_COLUMNS = `r.id, r.tracking_code AS "trackingCode", r.service_id AS "serviceId", r.office_id AS "officeId", r.status,
  r.received_at AS "receivedAt", COALESCE(r.status_at, r.received_at) AS "statusAt", r.status_proof AS "statusProof",
  (SELECT c.reason_code FROM status_changes c WHERE c.request_id = r.id ORDER BY c.seq DESC LIMIT 1) AS "reasonCode",
  (SELECT c.reason FROM status_changes c WHERE c.request_id = r.id ORDER BY c.seq DESC LIMIT 1) AS reason`;
const SESSION_COLUMNS = `account_id AS "accountId", installation_id AS "installationId", created_at AS "createdAt",
  idle_expires_at AS "idleExpiresAt", absolute_expires_at AS "absoluteExpiresAt", revoked_at AS "revokedAt"`;

class PrefixesExhausted extends Error {}

async function first<R extends pg.QueryResultRow>(client: Queryable, sql: string, params: unknown[]): Promise<R | null> {
  const { rows } = await client.query<R>(sql, params);
  return rows[0] ?? null;
}

/** An installation's devices retired and unlinked, then the account deleted (its sessions already gone). */
async function dropAccount(client: Queryable, accountId: string, at: string): Promise<void> {
  await client.query(
    'UPDATE devices SET revoked_at = $1 WHERE revoked_at IS NULL AND id IN (SELECT device_id FROM portal_installations WHERE account_id = $2)',
    [at, accountId],
  );
  await client.query('UPDATE portal_installations SET account_id = NULL WHERE account_id = $1', [accountId]);
  await client.query('DELETE FROM portal_accounts WHERE id = $1', [accountId]);
}

/**
 * PortalStore on PostgreSQL. Codes are checked under a row lock (FOR UPDATE), so two instances
 * count one wrong try each and a code is consumed once; sign-ins that make an installation take
 * the enrolment lock, so a prefix is given once across instances and kiosk enrolments alike.
 */
export function pgPortal(pool: pg.Pool): PortalStore {
  return {
    async putLoginCode(code) {
      await pool.query(
        `INSERT INTO portal_login_codes (address, secret_hash, created_at, expires_at, tries) VALUES ($1, $2, $3, $4, 0)
         ON CONFLICT (address) DO UPDATE SET secret_hash = excluded.secret_hash, created_at = excluded.created_at, expires_at = excluded.expires_at, tries = 0`,
        [code.address, code.secretHash, code.createdAt, code.expiresAt],
      );
    },
    checkLoginCode: (input) =>
      inTransaction(pool, async (client): Promise<LoginCodeCheck> => {
        const code = await first<{ secretHash: string; expiresAt: string; tries: number }>(
          client,
          'SELECT secret_hash AS "secretHash", expires_at AS "expiresAt", tries FROM portal_login_codes WHERE address = $1 FOR UPDATE',
          [input.address],
        );
        if (!code) return 'none';
        const drop = () => client.query('DELETE FROM portal_login_codes WHERE address = $1', [input.address]);
        if (code.expiresAt <= input.now || code.tries >= input.maxTries) {
          await drop();
          return 'none';
        }
        if (code.secretHash === input.secretHash) {
          await drop();
          return 'ok';
        }
        if (code.tries + 1 >= input.maxTries) await drop();
        else await client.query('UPDATE portal_login_codes SET tries = tries + 1 WHERE address = $1', [input.address]);
        return 'wrong';
      }),
    async takeLoginLink(secretHash, now) {
      // DELETE … RETURNING: of two instances opening the same link, one gets the row.
      const row = await first<{ address: string; expiresAt: string }>(
        pool,
        'DELETE FROM portal_login_codes WHERE secret_hash = $1 RETURNING address, expires_at AS "expiresAt"',
        [secretHash],
      );
      return row && row.expiresAt > now ? row.address : null;
    },
    portalSignIn: (input) =>
      inTransaction(pool, async (client): Promise<PortalSignInOutcome> => {
        const phone = 'phone' in input.identity ? input.identity.phone : null;
        const email = 'email' in input.identity ? input.identity.email : null;
        // Two first sign-ins of one number at once: the second waits on the unique key, then finds the row.
        await client.query(
          `INSERT INTO portal_accounts (id, phone, email, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT DO NOTHING`,
          [input.newAccountId, phone, email, input.at],
        );
        const account = (await first<PortalAccountRecord>(
          client,
          `UPDATE portal_accounts SET last_seen_at = $1 WHERE ${phone !== null ? 'phone' : 'email'} = $2 RETURNING ${ACCOUNT_COLUMNS}`,
          [input.at, phone ?? email],
        ))!;
        const accountCreated = account.id === input.newAccountId;
        let installation: PortalInstallationRecord | null = input.installation.previousId
          ? await first<PortalInstallationRecord>(
              client,
              `SELECT ${INSTALLATION_COLUMNS} FROM portal_installations i JOIN devices d ON d.id = i.device_id
               WHERE i.device_id = $1 AND i.account_id = $2 AND d.revoked_at IS NULL`,
              [input.installation.previousId, account.id],
            )
          : null;
        if (installation === null) {
          await client.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.enrolment]);
          let prefix: string | undefined;
          // In chunks: the first chunk almost always has a free prefix, and a full table is still answered.
          for (let start = 0; prefix === undefined && start < input.installation.prefixCandidates.length; start += 256) {
            const chunk = input.installation.prefixCandidates.slice(start, start + 256);
            const { rows: taken } = await client.query<{ prefix: string }>(
              `SELECT tracking_prefix AS prefix FROM devices WHERE tracking_prefix = ANY($1::text[])
               UNION SELECT prefix FROM tracking_prefixes WHERE prefix = ANY($1::text[])`,
              [chunk],
            );
            const takenSet = new Set(taken.map((row) => row.prefix));
            prefix = chunk.find((candidate) => !takenSet.has(candidate));
          }
          // Thrown, so the account made above is rolled back with the rest.
          if (prefix === undefined) throw new PrefixesExhausted();
          const id = input.installation.newId;
          await client.query(`INSERT INTO offices (id, name, created_at, revoked_at) VALUES ('${PORTAL_OFFICE_ID}', $1, $2, $2) ON CONFLICT (id) DO NOTHING`, [
            PORTAL_OFFICE_NAME,
            input.at,
          ]);
          await client.query(
            `INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES ($1, '${PORTAL_OFFICE_ID}', 'Portal', $2, $3, $4)`,
            [id, input.installation.tokenHash, prefix, input.at],
          );
          await client.query(
            `INSERT INTO tracking_prefixes (prefix, device_id, office_id, claimed_at, issued) VALUES ($1, $2, '${PORTAL_OFFICE_ID}', $3, 1)`,
            [prefix, id, input.at],
          );
          await client.query('INSERT INTO portal_installations (device_id, account_id, created_at) VALUES ($1, $2, $3)', [id, account.id, input.at]);
          installation = { id, trackingPrefix: prefix, lastSeq: 0 };
        }
        await client.query(
          `INSERT INTO portal_sessions (token_hash, account_id, installation_id, created_at, idle_expires_at, absolute_expires_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [input.session.tokenHash, account.id, installation.id, input.at, input.session.idleExpiresAt, input.session.absoluteExpiresAt],
        );
        return { ok: true, account, installation, accountCreated };
      }).catch((error: unknown): PortalSignInOutcome => {
        if (error instanceof PrefixesExhausted) return { ok: false, reason: 'prefixesExhausted' };
        throw error;
      }),
    getPortalSession: (tokenHash) => first<PortalSessionRecord>(pool, `SELECT ${SESSION_COLUMNS} FROM portal_sessions WHERE token_hash = $1`, [tokenHash]),
    async touchPortalSession(tokenHash, idleExpiresAt, at) {
      await pool.query(
        `WITH s AS (UPDATE portal_sessions SET idle_expires_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL RETURNING account_id)
         UPDATE portal_accounts SET last_seen_at = $3 WHERE id IN (SELECT account_id FROM s)`,
        [idleExpiresAt, tokenHash, at],
      );
    },
    async revokePortalSession(tokenHash, at) {
      const { rowCount } = await pool.query('UPDATE portal_sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL', [at, tokenHash]);
      return rowCount === 1;
    },
    async getPortalAccount(accountId, now) {
      const account = await first<PortalAccountRecord>(pool, `SELECT ${ACCOUNT_COLUMNS} FROM portal_accounts WHERE id = $1`, [accountId]);
      if (!account) return null;
      const counts = await first<{ requests: number; sessions: number }>(
        pool,
        `SELECT (SELECT COUNT(*) FROM requests WHERE portal_account_id = $1) AS requests,
           (SELECT COUNT(*) FROM portal_sessions WHERE account_id = $1 AND revoked_at IS NULL AND idle_expires_at > $2 AND absolute_expires_at > $2) AS sessions`,
        [accountId, now],
      );
      return { account, requests: counts?.requests ?? 0, sessions: counts?.sessions ?? 0 };
    },
    getPortalInstallation: (installationId) =>
      first<PortalInstallationRecord>(
        pool,
        `SELECT ${INSTALLATION_COLUMNS} FROM portal_installations i JOIN devices d ON d.id = i.device_id WHERE i.device_id = $1`,
        [installationId],
      ),
    async listServedOffices() {
      const { rows } = await pool.query<{ id: string; name: string }>(
        `SELECT o.id, o.name FROM offices o
         WHERE o.revoked_at IS NULL AND EXISTS (SELECT 1 FROM catalogue_versions v WHERE v.office_id = o.id) ORDER BY o.id`,
      );
      return rows;
    },
    async portalRequests(accountId, limit) {
      const { rows } = await pool.query<PortalRequestRecord>(
        `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE r.portal_account_id = $1 ORDER BY r.received_at DESC, r.id DESC LIMIT $2`,
        [accountId, limit],
      );
      return rows;
    },
    portalRequest: (accountId, requestId) =>
      first<PortalRequestRecord>(pool, `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE r.portal_account_id = $1 AND r.id = $2`, [accountId, requestId]),
    // The search keys but the tracking code's go with the body, in the same row write.
    emptyWithdrawnRequest: async (requestId, at) => {
      await pool.query(
        `UPDATE requests r SET body = '', body_sha256 = encode(sha256(convert_to(r.body, 'UTF8')), 'hex'), purged_at = $1, status_proof = NULL,
           search_keys = ${TRACKING_KEY_ONLY}
         WHERE r.id = $2 AND r.purged_at IS NULL`,
        [at, requestId],
      );
    },
    deletePortalAccount: (input) =>
      inTransaction(pool, async (client) => {
        const account = await first<PortalAccountRecord>(client, `SELECT ${ACCOUNT_COLUMNS} FROM portal_accounts WHERE id = $1 FOR UPDATE`, [input.accountId]);
        if (!account) return null;
        const { rowCount } = await client.query('UPDATE requests SET portal_account_id = NULL WHERE portal_account_id = $1', [input.accountId]);
        await client.query('DELETE FROM portal_sessions WHERE account_id = $1', [input.accountId]);
        await client.query('DELETE FROM portal_login_codes WHERE address = ANY($1::text[])', [
          [account.phone && `sms:${account.phone}`, account.email && `email:${account.email}`].filter((a): a is string => Boolean(a)),
        ]);
        await dropAccount(client, input.accountId, input.at);
        await client.query(
          "INSERT INTO staff_audit (at, staff_id, office_id, action, request_id, detail) VALUES ($1, NULL, NULL, 'portal.account.deleted', NULL, $2)",
          [input.at, input.auditDetail],
        );
        return { detached: rowCount ?? 0 };
      }),
    purgePortal: (input) =>
      inTransaction(pool, async (client) => {
        const codes = (await client.query('DELETE FROM portal_login_codes WHERE expires_at <= $1', [input.now])).rowCount ?? 0;
        const sessions =
          (await client.query('DELETE FROM portal_sessions WHERE revoked_at IS NOT NULL OR idle_expires_at <= $1 OR absolute_expires_at <= $1', [input.now]))
            .rowCount ?? 0;
        const { rows } = await client.query<{ id: string }>(
          `SELECT a.id FROM portal_accounts a WHERE a.last_seen_at <= $1
             AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.portal_account_id = a.id)
             AND NOT EXISTS (SELECT 1 FROM portal_sessions s WHERE s.account_id = a.id)
           FOR UPDATE`,
          [input.unusedBefore],
        );
        for (const { id } of rows) await dropAccount(client, id, input.now);
        return { codes, sessions, accounts: rows.length };
      }),
  };
}
