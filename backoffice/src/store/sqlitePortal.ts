import type Database from 'better-sqlite3';
import { sha256Hex } from './storedBody';
import {
  PORTAL_OFFICE_ID,
  PORTAL_OFFICE_NAME,
  type LoginCodeCheck,
  type LoginCodeInput,
  type PortalAccountRecord,
  type PortalInstallationRecord,
  type PortalPurgeInput,
  type PortalRequestRecord,
  type PortalSessionRecord,
  type PortalSignInInput,
  type PortalSignInOutcome,
  type PortalStore,
} from './portalTypes';

const ACCOUNT_COLUMNS = 'id, phone, email, created_at AS createdAt, last_seen_at AS lastSeenAt';
const REQUEST_COLUMNS = `r.id, r.tracking_code AS trackingCode, r.service_id AS serviceId, r.office_id AS officeId, r.status,
  r.received_at AS receivedAt, COALESCE(r.status_at, r.received_at) AS statusAt, r.status_proof AS statusProof,
  (SELECT c.reason_code FROM status_changes c WHERE c.request_id = r.id ORDER BY c.seq DESC LIMIT 1) AS reasonCode,
  (SELECT c.reason FROM status_changes c WHERE c.request_id = r.id ORDER BY c.seq DESC LIMIT 1) AS reason`;

/** PortalStore on SQLite; each write of more than one row is one IMMEDIATE transaction. */
export function sqlitePortal(db: Database.Database): PortalStore {
  const upsertCode = db.prepare(
    `INSERT INTO portal_login_codes (address, secret_hash, created_at, expires_at, tries) VALUES (?, ?, ?, ?, 0)
     ON CONFLICT (address) DO UPDATE SET secret_hash = excluded.secret_hash, created_at = excluded.created_at, expires_at = excluded.expires_at, tries = 0`,
  );
  const selectCode = db.prepare<[string], { secretHash: string; expiresAt: string; tries: number }>(
    'SELECT secret_hash AS secretHash, expires_at AS expiresAt, tries FROM portal_login_codes WHERE address = ?',
  );
  const selectLink = db.prepare<[string], { address: string; expiresAt: string }>(
    'SELECT address, expires_at AS expiresAt FROM portal_login_codes WHERE secret_hash = ?',
  );
  const deleteCode = db.prepare('DELETE FROM portal_login_codes WHERE address = ?');
  const countTry = db.prepare('UPDATE portal_login_codes SET tries = tries + 1 WHERE address = ?');

  const accountByPhone = db.prepare<[string], PortalAccountRecord>(`SELECT ${ACCOUNT_COLUMNS} FROM portal_accounts WHERE phone = ?`);
  const accountByEmail = db.prepare<[string], PortalAccountRecord>(`SELECT ${ACCOUNT_COLUMNS} FROM portal_accounts WHERE email = ?`);
  const accountById = db.prepare<[string], PortalAccountRecord>(`SELECT ${ACCOUNT_COLUMNS} FROM portal_accounts WHERE id = ?`);
  const insertAccount = db.prepare('INSERT INTO portal_accounts (id, phone, email, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)');
  const seeAccount = db.prepare('UPDATE portal_accounts SET last_seen_at = ? WHERE id = ?');
  const installationOf = db.prepare<[string, string], PortalInstallationRecord>(
    `SELECT d.id, d.tracking_prefix AS trackingPrefix, d.last_kiosk_seq AS lastSeq
     FROM portal_installations i JOIN devices d ON d.id = i.device_id
     WHERE i.device_id = ? AND i.account_id = ? AND d.revoked_at IS NULL`,
  );
  const installationById = db.prepare<[string], PortalInstallationRecord>(
    `SELECT d.id, d.tracking_prefix AS trackingPrefix, d.last_kiosk_seq AS lastSeq
     FROM portal_installations i JOIN devices d ON d.id = i.device_id WHERE i.device_id = ?`,
  );
  const prefixTaken = db.prepare<[string, string], number>(
    'SELECT 1 FROM devices WHERE tracking_prefix = ? UNION SELECT 1 FROM tracking_prefixes WHERE prefix = ?',
  ).pluck();
  const ensurePortalOffice = db.prepare(
    `INSERT INTO offices (id, name, created_at, revoked_at) VALUES ('${PORTAL_OFFICE_ID}', ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const insertDevice = db.prepare(
    `INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES (?, '${PORTAL_OFFICE_ID}', 'Portal', ?, ?, ?)`,
  );
  const insertPrefix = db.prepare(
    `INSERT INTO tracking_prefixes (prefix, device_id, office_id, claimed_at, issued) VALUES (?, ?, '${PORTAL_OFFICE_ID}', ?, 1)`,
  );
  const insertInstallation = db.prepare('INSERT INTO portal_installations (device_id, account_id, created_at) VALUES (?, ?, ?)');
  const insertSession = db.prepare(
    `INSERT INTO portal_sessions (token_hash, account_id, installation_id, created_at, idle_expires_at, absolute_expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const selectSession = db.prepare<[string], PortalSessionRecord>(
    `SELECT account_id AS accountId, installation_id AS installationId, created_at AS createdAt, idle_expires_at AS idleExpiresAt,
       absolute_expires_at AS absoluteExpiresAt, revoked_at AS revokedAt FROM portal_sessions WHERE token_hash = ?`,
  );
  const touchSession = db.prepare('UPDATE portal_sessions SET idle_expires_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
  const seeSessionAccount = db.prepare('UPDATE portal_accounts SET last_seen_at = ? WHERE id = (SELECT account_id FROM portal_sessions WHERE token_hash = ?)');
  const revokeSession = db.prepare('UPDATE portal_sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
  const countRequests = db.prepare<[string], number>('SELECT COUNT(*) FROM requests WHERE portal_account_id = ?').pluck();
  const countSessions = db.prepare<[string, string, string], number>(
    'SELECT COUNT(*) FROM portal_sessions WHERE account_id = ? AND revoked_at IS NULL AND idle_expires_at > ? AND absolute_expires_at > ?',
  ).pluck();
  const servedOffices = db.prepare<[], { id: string; name: string }>(
    `SELECT o.id, o.name FROM offices o
     WHERE o.revoked_at IS NULL AND EXISTS (SELECT 1 FROM catalogue_versions v WHERE v.office_id = o.id) ORDER BY o.id`,
  );
  const requestsOf = db.prepare<[string, number], PortalRequestRecord>(
    `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE r.portal_account_id = ? ORDER BY r.received_at DESC, r.id DESC LIMIT ?`,
  );
  const requestOf = db.prepare<[string, string], PortalRequestRecord>(
    `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE r.portal_account_id = ? AND r.id = ?`,
  );
  const selectBody = db.prepare<[string], { body: string; trackingCode: string; purgedAt: string | null }>(
    'SELECT body, tracking_code AS trackingCode, purged_at AS purgedAt FROM requests WHERE id = ?',
  );
  const emptyBody = db.prepare("UPDATE requests SET body = '', body_sha256 = ?, purged_at = ?, status_proof = NULL WHERE id = ?");
  const emptyTerms = db.prepare("DELETE FROM request_search_terms WHERE request_id = ? AND term <> lower(replace(?, '-', ''))");

  const detachRequests = db.prepare('UPDATE requests SET portal_account_id = NULL WHERE portal_account_id = ?');
  const deleteSessionsOf = db.prepare('DELETE FROM portal_sessions WHERE account_id = ?');
  const retireDevicesOf = db.prepare(
    'UPDATE devices SET revoked_at = ? WHERE revoked_at IS NULL AND id IN (SELECT device_id FROM portal_installations WHERE account_id = ?)',
  );
  const detachInstallations = db.prepare('UPDATE portal_installations SET account_id = NULL WHERE account_id = ?');
  const deleteAccount = db.prepare('DELETE FROM portal_accounts WHERE id = ?');
  const insertAudit = db.prepare("INSERT INTO staff_audit (at, staff_id, office_id, action, request_id, detail) VALUES (?, NULL, NULL, 'portal.account.deleted', NULL, ?)");

  const deleteExpiredCodes = db.prepare('DELETE FROM portal_login_codes WHERE expires_at <= ?');
  const deleteEndedSessions = db.prepare('DELETE FROM portal_sessions WHERE revoked_at IS NOT NULL OR idle_expires_at <= ? OR absolute_expires_at <= ?');
  const unusedAccounts = db.prepare<[string], string>(
    `SELECT a.id FROM portal_accounts a WHERE a.last_seen_at <= ?
       AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.portal_account_id = a.id)
       AND NOT EXISTS (SELECT 1 FROM portal_sessions s WHERE s.account_id = a.id)`,
  ).pluck();

  const checkCode = db.transaction((input: { address: string; secretHash: string; now: string; maxTries: number }): LoginCodeCheck => {
    const code = selectCode.get(input.address);
    if (!code) return 'none';
    if (code.expiresAt <= input.now || code.tries >= input.maxTries) {
      deleteCode.run(input.address);
      return 'none';
    }
    if (code.secretHash === input.secretHash) {
      deleteCode.run(input.address);
      return 'ok';
    }
    // The last allowed wrong try kills the code: the next guess, even the right one, finds nothing.
    if (code.tries + 1 >= input.maxTries) deleteCode.run(input.address);
    else countTry.run(input.address);
    return 'wrong';
  });

  const takeLink = db.transaction((secretHash: string, now: string): string | null => {
    const link = selectLink.get(secretHash);
    if (!link) return null;
    deleteCode.run(link.address);
    return link.expiresAt > now ? link.address : null;
  });

  class PrefixesExhausted extends Error {}

  const signIn = db.transaction((input: PortalSignInInput): PortalSignInOutcome => {
    const phone = 'phone' in input.identity ? input.identity.phone : null;
    const email = 'email' in input.identity ? input.identity.email : null;
    let account = phone !== null ? accountByPhone.get(phone) : accountByEmail.get(email!);
    const accountCreated = account === undefined;
    if (account === undefined) {
      insertAccount.run(input.newAccountId, phone, email, input.at, input.at);
    } else {
      seeAccount.run(input.at, account.id);
    }
    account = accountById.get(account?.id ?? input.newAccountId)!;
    let installation = input.installation.previousId ? installationOf.get(input.installation.previousId, account.id) : undefined;
    if (installation === undefined) {
      const prefix = input.installation.prefixCandidates.find((candidate) => prefixTaken.get(candidate, candidate) === undefined);
      if (prefix === undefined) throw new PrefixesExhausted();
      ensurePortalOffice.run(PORTAL_OFFICE_NAME, input.at, input.at);
      insertDevice.run(input.installation.newId, input.installation.tokenHash, prefix, input.at);
      insertPrefix.run(prefix, input.installation.newId, input.at);
      insertInstallation.run(input.installation.newId, account.id, input.at);
      installation = { id: input.installation.newId, trackingPrefix: prefix, lastSeq: 0 };
    }
    insertSession.run(input.session.tokenHash, account.id, installation.id, input.at, input.session.idleExpiresAt, input.session.absoluteExpiresAt);
    return { ok: true, account, installation, accountCreated };
  });

  const emptyWithdrawn = db.transaction((requestId: string, at: string): void => {
    const row = selectBody.get(requestId);
    if (!row || row.purgedAt !== null) return;
    emptyBody.run(sha256Hex(row.body), at, requestId);
    emptyTerms.run(requestId, row.trackingCode);
  });

  const deleteAccountTx = db.transaction((input: { accountId: string; at: string; auditDetail: string }) => {
    const account = accountById.get(input.accountId);
    if (!account) return null;
    const { changes: detached } = detachRequests.run(input.accountId);
    deleteSessionsOf.run(input.accountId);
    for (const address of [account.phone && `sms:${account.phone}`, account.email && `email:${account.email}`]) if (address) deleteCode.run(address);
    retireDevicesOf.run(input.at, input.accountId);
    detachInstallations.run(input.accountId);
    deleteAccount.run(input.accountId);
    insertAudit.run(input.at, input.auditDetail);
    return { detached };
  });

  const purge = db.transaction((input: PortalPurgeInput) => {
    const codes = deleteExpiredCodes.run(input.now).changes;
    const sessions = deleteEndedSessions.run(input.now, input.now).changes;
    const accounts = unusedAccounts.all(input.unusedBefore);
    for (const id of accounts) {
      retireDevicesOf.run(input.now, id);
      detachInstallations.run(id);
      deleteAccount.run(id);
    }
    return { codes, sessions, accounts: accounts.length };
  });

  return {
    async putLoginCode(code: LoginCodeInput) {
      upsertCode.run(code.address, code.secretHash, code.createdAt, code.expiresAt);
    },
    checkLoginCode: async (input) => checkCode.immediate(input),
    takeLoginLink: async (secretHash, now) => takeLink.immediate(secretHash, now),
    async portalSignIn(input) {
      try {
        return signIn.immediate(input);
      } catch (error) {
        if (error instanceof PrefixesExhausted) return { ok: false, reason: 'prefixesExhausted' };
        throw error;
      }
    },
    getPortalSession: async (tokenHash) => selectSession.get(tokenHash) ?? null,
    async touchPortalSession(tokenHash, idleExpiresAt, at) {
      db.transaction(() => {
        touchSession.run(idleExpiresAt, tokenHash);
        seeSessionAccount.run(at, tokenHash);
      }).immediate();
    },
    revokePortalSession: async (tokenHash, at) => revokeSession.run(at, tokenHash).changes === 1,
    async getPortalAccount(accountId, now) {
      const account = accountById.get(accountId);
      if (!account) return null;
      return { account, requests: countRequests.get(accountId) ?? 0, sessions: countSessions.get(accountId, now, now) ?? 0 };
    },
    getPortalInstallation: async (installationId) => installationById.get(installationId) ?? null,
    listServedOffices: async () => servedOffices.all(),
    portalRequests: async (accountId, limit) => requestsOf.all(accountId, limit),
    portalRequest: async (accountId, requestId) => requestOf.get(accountId, requestId) ?? null,
    emptyWithdrawnRequest: async (requestId, at) => emptyWithdrawn.immediate(requestId, at),
    deletePortalAccount: async (input) => deleteAccountTx.immediate(input),
    purgePortal: async (input) => purge.immediate(input),
  };
}
