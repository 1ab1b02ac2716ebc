import type pg from 'pg';
import type { KioskStore } from '../composedStore';
import type { AuditEntry, Device, EnrolmentInput, EnrolmentOutcome, Office, Principal } from '../types';
import { OFFICE_COLUMNS } from './pgOffices';
import { ADVISORY_LOCKS, firstRow, inTransaction, rowsChanged, type Queryable } from './pool';
import { principalOf, type PrincipalRow } from '../kioskRows';

const DEVICE_COLUMNS = `id, office_id AS "officeId", label, tracking_prefix AS "trackingPrefix", enrolled_at AS "enrolledAt",
  revoked_at AS "revokedAt", last_kiosk_seq AS "lastKioskSeq", kiosk_seq_gaps AS "kioskSeqGaps", kiosk_seq_replays AS "kioskSeqReplays"`;

/**
 * The same tablet enrolled again: its old device (found by the token it held, revoked or not,
 * and only within the same office) is revoked and points to the new one, its tracking prefixes
 * and requests follow it, and the change is audited. Inside the enrolment's transaction (which
 * holds the enrolment lock). Null when the token names no device of this office.
 */
async function replaceDevice(
  client: Queryable,
  replaces: { tokenHash: string; auditId: string },
  next: { id: string; officeId: string },
  now: string,
): Promise<string | null> {
  const { rows } = await client.query<{ id: string; officeId: string }>(
    'SELECT id, office_id AS "officeId" FROM devices WHERE token_hash = $1 AND id <> $2 AND replaced_by IS NULL FOR UPDATE',
    [replaces.tokenHash, next.id],
  );
  const old = rows[0];
  if (!old || old.officeId !== next.officeId) return null;
  await client.query('UPDATE devices SET revoked_at = COALESCE(revoked_at, $1), replaced_by = $2 WHERE id = $3', [now, next.id, old.id]);
  // The same tablet: its codes, its requests and its sequence carry on under the new device.
  await client.query('UPDATE tracking_prefixes SET device_id = $1 WHERE device_id = $2', [next.id, old.id]);
  await client.query('UPDATE requests SET device_id = $1 WHERE device_id = $2', [next.id, old.id]);
  await client.query('UPDATE devices SET last_kiosk_seq = (SELECT last_kiosk_seq FROM devices WHERE id = $1) WHERE id = $2', [old.id, next.id]);
  await client.query(
    'INSERT INTO audit_entries (id, device_id, office_id, at, action, detail, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [replaces.auditId, next.id, next.officeId, now, 'device.replaced', `replaced=${old.id}`, now],
  );
  return old.id;
}

/** Enrolment, kiosks, their tokens and the audit entries they send, on PostgreSQL. */
export function pgKiosks(pool: pg.Pool): KioskStore {
  return {
    async createEnrolmentCode(code: { codeHash: string; officeId: string; createdAt: string; expiresAt: string }): Promise<void> {
      await pool.query('INSERT INTO enrolment_codes (code_hash, office_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
        code.codeHash,
        code.officeId,
        code.createdAt,
        code.expiresAt,
      ]);
    },

    redeemEnrolmentCode(input: EnrolmentInput): Promise<EnrolmentOutcome> {
      return inTransaction(pool, async (client): Promise<EnrolmentOutcome> => {
        // Enrolments are rare: one at a time across instances, so a code is used once and a prefix given once.
        await client.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.enrolment]);
        const { rows: codes } = await client.query<{ officeId: string; expiresAt: string; usedAt: string | null }>(
          'SELECT office_id AS "officeId", expires_at AS "expiresAt", used_at AS "usedAt" FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE',
          [input.codeHash],
        );
        const code = codes[0];
        if (!code) return { ok: false, reason: 'unknown' };
        if (code.usedAt !== null) return { ok: false, reason: 'used' };
        if (code.expiresAt <= input.now) return { ok: false, reason: 'expired' };
        const { rows: offices } = await client.query<Office>(`SELECT ${OFFICE_COLUMNS} FROM offices WHERE id = $1`, [code.officeId]);
        const office = offices[0];
        if (!office || office.revokedAt !== null) return { ok: false, reason: 'officeRevoked' };
        // A prefix claimed by a push (codes made before enrolment) is as taken as an issued one.
        const { rows: taken } = await client.query<{ prefix: string }>(
          `SELECT tracking_prefix AS prefix FROM devices WHERE tracking_prefix = ANY($1::text[])
           UNION SELECT prefix FROM tracking_prefixes WHERE prefix = ANY($1::text[])`,
          [input.prefixCandidates],
        );
        const takenSet = new Set(taken.map((row) => row.prefix));
        const prefix = input.prefixCandidates.find((candidate) => !takenSet.has(candidate));
        if (prefix === undefined) return { ok: false, reason: 'prefixesExhausted' };
        await client.query(
          'INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [input.device.id, office.id, input.device.label, input.device.tokenHash, prefix, input.now],
        );
        await client.query('INSERT INTO tracking_prefixes (prefix, device_id, office_id, claimed_at, issued) VALUES ($1, $2, $3, $4, 1)', [
          prefix,
          input.device.id,
          office.id,
          input.now,
        ]);
        await client.query('UPDATE enrolment_codes SET used_at = $1, used_by_device = $2 WHERE code_hash = $3', [input.now, input.device.id, input.codeHash]);
        const replaced = input.replaces ? await replaceDevice(client, input.replaces, { id: input.device.id, officeId: office.id }, input.now) : null;
        const { rows: devices } = await client.query<Device>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1`, [input.device.id]);
        return { ok: true, device: devices[0]!, office, replaced };
      });
    },

    getDevice(id: string): Promise<Device | null> {
      return firstRow<Device>(pool, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1`, [id]);
    },

    async listDevices(officeId?: string): Promise<Device[]> {
      const { rows } = await pool.query<Device>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE $1::text IS NULL OR office_id = $1 ORDER BY enrolled_at, id`, [
        officeId ?? null,
      ]);
      return rows;
    },

    async revokeDevice(id: string, at: string): Promise<boolean> {
      return (await rowsChanged(pool, 'UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])) === 1;
    },

    async findPrincipal(tokenHash: string): Promise<Principal | null> {
      // Named (prepared once per connection): every device call looks its token up.
      const { rows } = await pool.query<PrincipalRow>({
        name: 'find-principal',
        text: `SELECT d.id AS "deviceId", d.office_id AS "officeId", d.revoked_at AS "revokedAt", o.revoked_at AS "officeRevokedAt",
           d.last_kiosk_seq AS "lastKioskSeq"
         FROM devices d JOIN offices o ON o.id = d.office_id WHERE d.token_hash = $1`,
        values: [tokenHash],
      });
      return rows[0] ? principalOf(rows[0]) : null;
    },

    async storeAudit(input: { deviceId: string; officeId: string; receivedAt: string; entries: readonly AuditEntry[] }): Promise<number> {
      if (input.entries.length === 0) return 0;
      const { rowCount } = await pool.query(
        `INSERT INTO audit_entries (id, device_id, office_id, at, action, detail, received_at)
         SELECT id, $2, $3, at, action, detail, $4 FROM unnest($1::text[], $5::text[], $6::text[], $7::text[]) AS t(id, at, action, detail)
         ON CONFLICT (id) DO NOTHING`,
        [
          input.entries.map((e) => e.id),
          input.deviceId,
          input.officeId,
          input.receivedAt,
          input.entries.map((e) => e.at),
          input.entries.map((e) => e.action),
          input.entries.map((e) => e.detail),
        ],
      );
      return rowCount ?? 0;
    },
  };
}
