import type Database from 'better-sqlite3';
import type { KioskStore } from './composedStore';
import type { PreparedSql } from './sqliteStatements';
import type { AuditEntry, Device, EnrolmentInput, EnrolmentOutcome, Office, Principal } from './types';
import { principalOf, type PrincipalRow } from './kioskRows';

const DEVICE_COLUMNS = `id, office_id AS officeId, label, tracking_prefix AS trackingPrefix, enrolled_at AS enrolledAt,
  revoked_at AS revokedAt, last_kiosk_seq AS lastKioskSeq, kiosk_seq_gaps AS kioskSeqGaps, kiosk_seq_replays AS kioskSeqReplays`;

/** Enrolment, kiosks, their tokens and the audit entries they send, on SQLite; each write in one IMMEDIATE transaction. */
export function sqliteKiosks(db: Database.Database, sql: PreparedSql): KioskStore {
  /**
   * The same tablet enrolled again: its old device (found by the token it held, revoked or not,
   * and only within the same office) is revoked and points to the new one, its tracking prefixes
   * and requests follow it (so its queued requests are still its own), and the change is written to the audit
   * log. Inside the enrolment's transaction. Null when the token names no device of this office.
   */
  function replaceDevice(replaces: { tokenHash: string; auditId: string }, next: { id: string; officeId: string }, now: string): string | null {
    const old = sql<[string, string], { id: string; officeId: string }>(
      'SELECT id, office_id AS officeId FROM devices WHERE token_hash = ? AND id != ? AND replaced_by IS NULL',
    ).get(replaces.tokenHash, next.id);
    if (!old || old.officeId !== next.officeId) return null;
    sql('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?), replaced_by = ? WHERE id = ?').run(now, next.id, old.id);
    // The same tablet: its codes, its requests and its sequence carry on under the new device.
    sql('UPDATE tracking_prefixes SET device_id = ? WHERE device_id = ?').run(next.id, old.id);
    sql('UPDATE requests SET device_id = ? WHERE device_id = ?').run(next.id, old.id);
    sql('UPDATE devices SET last_kiosk_seq = (SELECT last_kiosk_seq FROM devices WHERE id = ?) WHERE id = ?').run(old.id, next.id);
    sql('INSERT INTO audit_entries (id, device_id, office_id, at, action, detail, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      replaces.auditId,
      next.id,
      next.officeId,
      now,
      'device.replaced',
      `replaced=${old.id}`,
      now,
    );
    return old.id;
  }

  return {
    async createEnrolmentCode(code: { codeHash: string; officeId: string; createdAt: string; expiresAt: string }): Promise<void> {
      const insert = sql('INSERT INTO enrolment_codes (code_hash, office_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
      insert.run(code.codeHash, code.officeId, code.createdAt, code.expiresAt);
    },

    async redeemEnrolmentCode(input: EnrolmentInput): Promise<EnrolmentOutcome> {
      return db
        .transaction((): EnrolmentOutcome => {
          const code = sql<[string], { officeId: string; expiresAt: string; usedAt: string | null }>(
            'SELECT office_id AS officeId, expires_at AS expiresAt, used_at AS usedAt FROM enrolment_codes WHERE code_hash = ?',
          ).get(input.codeHash);
          if (!code) return { ok: false, reason: 'unknown' };
          if (code.usedAt !== null) return { ok: false, reason: 'used' };
          if (code.expiresAt <= input.now) return { ok: false, reason: 'expired' };
          const office = sql<[string], Office>('SELECT id, name, created_at AS createdAt, revoked_at AS revokedAt FROM offices WHERE id = ?').get(
            code.officeId,
          );
          if (!office || office.revokedAt !== null) return { ok: false, reason: 'officeRevoked' };
          // A prefix claimed by a push (codes made before enrolment) is as taken as an issued one.
          const taken = sql<[string, string], number>(
            'SELECT 1 FROM devices WHERE tracking_prefix = ? UNION SELECT 1 FROM tracking_prefixes WHERE prefix = ?',
          ).pluck();
          const prefix = input.prefixCandidates.find((candidate) => taken.get(candidate, candidate) === undefined);
          if (prefix === undefined) return { ok: false, reason: 'prefixesExhausted' };
          sql('INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)').run(
            input.device.id,
            office.id,
            input.device.label,
            input.device.tokenHash,
            prefix,
            input.now,
          );
          sql('INSERT INTO tracking_prefixes (prefix, device_id, office_id, claimed_at, issued) VALUES (?, ?, ?, ?, 1)').run(
            prefix,
            input.device.id,
            office.id,
            input.now,
          );
          const markUsed = sql('UPDATE enrolment_codes SET used_at = ?, used_by_device = ? WHERE code_hash = ?');
          markUsed.run(input.now, input.device.id, input.codeHash);
          const replaced = input.replaces ? replaceDevice(input.replaces, { id: input.device.id, officeId: office.id }, input.now) : null;
          const device = sql<[string], Device>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`).get(input.device.id)!;
          return { ok: true, device, office, replaced };
        })
        .immediate();
    },

    async getDevice(id: string): Promise<Device | null> {
      return sql<[string], Device>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`).get(id) ?? null;
    },

    async listDevices(officeId?: string): Promise<Device[]> {
      const all = sql<[string | null, string | null], Device>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE ? IS NULL OR office_id = ? ORDER BY enrolled_at, id`);
      return all.all(officeId ?? null, officeId ?? null);
    },

    async revokeDevice(id: string, at: string): Promise<boolean> {
      return sql('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
    },

    async findPrincipal(tokenHash: string): Promise<Principal | null> {
      const device = sql<[string], PrincipalRow>(
        `SELECT d.id AS deviceId, d.office_id AS officeId, d.revoked_at AS revokedAt, o.revoked_at AS officeRevokedAt,
           d.last_kiosk_seq AS lastKioskSeq
         FROM devices d JOIN offices o ON o.id = d.office_id WHERE d.token_hash = ?`,
      ).get(tokenHash);
      return device ? principalOf(device) : null;
    },

    async storeAudit(input: { deviceId: string; officeId: string; receivedAt: string; entries: readonly AuditEntry[] }): Promise<number> {
      const insert = sql(
        `INSERT INTO audit_entries (id, device_id, office_id, at, action, detail, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      );
      return db
        .transaction(() =>
          input.entries.reduce(
            (stored, e) => stored + insert.run(e.id, input.deviceId, input.officeId, e.at, e.action, e.detail, input.receivedAt).changes,
            0,
          ),
        )
        .immediate();
    },
  };
}
