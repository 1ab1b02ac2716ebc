import Database from 'better-sqlite3';
import { catalogueSchema, type Catalogue } from '../../../src/domain/catalogue';
import { migrate } from './migrate';
import { sqliteOfficeIdentity } from './sqliteOfficeIdentity';
import type { OfficeIdentityStore } from './officeIdentityTypes';
import { sqliteRequests } from './sqliteRequests';
import type { AuditEntry, Device, EnrolmentInput, EnrolmentOutcome, Office, Principal, Store, StoreStats } from './types';

const DEVICE_COLUMNS = `id, office_id AS officeId, label, tracking_prefix AS trackingPrefix, enrolled_at AS enrolledAt,
  revoked_at AS revokedAt, last_kiosk_seq AS lastKioskSeq, kiosk_seq_gaps AS kioskSeqGaps, kiosk_seq_replays AS kioskSeqReplays`;

/**
 * The default store: one SQLite file in WAL mode with `synchronous = FULL`, so a committed
 * transaction survives a killed process and a power cut, and a batch is never half-written.
 */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  /** Catalogue versions never change once stored, so a parsed one can be kept. */
  private readonly catalogues = new Map<string, Catalogue>();
  private readonly requests: ReturnType<typeof sqliteRequests>;
  private readonly officeIdentity: OfficeIdentityStore;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // The CLI may write while the server runs: wait for the lock rather than fail.
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.requests = sqliteRequests(this.db);
    this.officeIdentity = sqliteOfficeIdentity(this.db);
  }

  /** Each statement is prepared once, on first use (the token lookup runs on every request). */
  private sql<P extends unknown[] = unknown[], R = unknown>(source: string): Database.Statement<P, R> {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement as Database.Statement<P, R>;
  }

  async createOffice(office: { id: string; name: string; createdAt: string }): Promise<'created' | 'exists'> {
    const insert = this.sql('INSERT INTO offices (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING');
    const { changes } = insert.run(office.id, office.name, office.createdAt);
    return changes === 1 ? 'created' : 'exists';
  }

  async getOffice(id: string): Promise<Office | null> {
    const select = this.sql<[string], Office>('SELECT id, name, created_at AS createdAt, revoked_at AS revokedAt FROM offices WHERE id = ?');
    return select.get(id) ?? null;
  }

  async revokeOffice(id: string, at: string): Promise<boolean> {
    return this.sql('UPDATE offices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async importCatalogue(officeId: string, catalogue: Catalogue, at: string): Promise<Catalogue> {
    return this.db
      .transaction(() => {
        const latest = this.sql<[string], number>('SELECT COALESCE(MAX(version), 0) FROM catalogue_versions WHERE office_id = ?');
        const next: Catalogue = { ...catalogue, version: (latest.pluck().get(officeId) ?? 0) + 1 };
        const insert = this.sql('INSERT INTO catalogue_versions (office_id, version, body, imported_at) VALUES (?, ?, ?, ?)');
        insert.run(officeId, next.version, JSON.stringify(next), at);
        return next;
      })
      .immediate();
  }

  setOfficeIdentity(...args: Parameters<OfficeIdentityStore['setOfficeIdentity']>) {
    return this.officeIdentity.setOfficeIdentity(...args);
  }

  getOfficeIdentity(officeId: string) {
    return this.officeIdentity.getOfficeIdentity(officeId);
  }

  async getCatalogue(officeId: string, version?: number): Promise<Catalogue | null> {
    const latest = this.sql<[string], number | null>('SELECT MAX(version) FROM catalogue_versions WHERE office_id = ?');
    const wanted = version ?? latest.pluck().get(officeId);
    if (wanted === null || wanted === undefined) return null;
    const key = `${officeId}\u0000${wanted}`;
    const cached = this.catalogues.get(key);
    if (cached) return cached;
    const select = this.sql<[string, number], string>('SELECT body FROM catalogue_versions WHERE office_id = ? AND version = ?');
    const body = select.pluck().get(officeId, wanted);
    if (body === undefined) return null;
    // Parsed again on the way out: what the kiosk receives is always a valid catalogue.
    const catalogue = catalogueSchema.parse(JSON.parse(body));
    this.catalogues.set(key, catalogue);
    return catalogue;
  }

  async createEnrolmentCode(code: { codeHash: string; officeId: string; createdAt: string; expiresAt: string }): Promise<void> {
    const insert = this.sql('INSERT INTO enrolment_codes (code_hash, office_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
    insert.run(code.codeHash, code.officeId, code.createdAt, code.expiresAt);
  }

  async redeemEnrolmentCode(input: EnrolmentInput): Promise<EnrolmentOutcome> {
    return this.db
      .transaction((): EnrolmentOutcome => {
        const code = this.sql<[string], { officeId: string; expiresAt: string; usedAt: string | null }>(
          'SELECT office_id AS officeId, expires_at AS expiresAt, used_at AS usedAt FROM enrolment_codes WHERE code_hash = ?',
        ).get(input.codeHash);
        if (!code) return { ok: false, reason: 'unknown' };
        if (code.usedAt !== null) return { ok: false, reason: 'used' };
        if (code.expiresAt <= input.now) return { ok: false, reason: 'expired' };
        const office = this.sql<[string], Office>(
          'SELECT id, name, created_at AS createdAt, revoked_at AS revokedAt FROM offices WHERE id = ?',
        ).get(code.officeId);
        if (!office || office.revokedAt !== null) return { ok: false, reason: 'officeRevoked' };
        const taken = this.sql<[string], number>('SELECT 1 FROM devices WHERE tracking_prefix = ?').pluck();
        const prefix = input.prefixCandidates.find((candidate) => taken.get(candidate) === undefined);
        if (prefix === undefined) return { ok: false, reason: 'prefixesExhausted' };
        this.sql(
          'INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(input.device.id, office.id, input.device.label, input.device.tokenHash, prefix, input.now);
        const markUsed = this.sql('UPDATE enrolment_codes SET used_at = ?, used_by_device = ? WHERE code_hash = ?');
        markUsed.run(input.now, input.device.id, input.codeHash);
        const device = this.sql<[string], Device>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`).get(input.device.id)!;
        return { ok: true, device, office };
      })
      .immediate();
  }

  async getDevice(id: string): Promise<Device | null> {
    return this.sql<[string], Device>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`).get(id) ?? null;
  }

  async listDevices(officeId?: string): Promise<Device[]> {
    const all = this.sql<[string | null, string | null], Device>(
      `SELECT ${DEVICE_COLUMNS} FROM devices WHERE ? IS NULL OR office_id = ? ORDER BY enrolled_at, id`,
    );
    return all.all(officeId ?? null, officeId ?? null);
  }

  async revokeDevice(id: string, at: string): Promise<boolean> {
    return this.sql('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async createStaff(staff: { id: string; name: string; tokenHash: string; createdAt: string }): Promise<void> {
    const insert = this.sql('INSERT INTO staff (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)');
    insert.run(staff.id, staff.name, staff.tokenHash, staff.createdAt);
  }

  async revokeStaff(id: string, at: string): Promise<boolean> {
    return this.sql('UPDATE staff SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async findPrincipal(tokenHash: string): Promise<Principal | null> {
    const device = this.sql<[string], { deviceId: string; officeId: string; revokedAt: string | null; officeRevokedAt: string | null }>(
      `SELECT d.id AS deviceId, d.office_id AS officeId, d.revoked_at AS revokedAt, o.revoked_at AS officeRevokedAt
       FROM devices d JOIN offices o ON o.id = d.office_id WHERE d.token_hash = ?`,
    ).get(tokenHash);
    if (device) {
      return {
        kind: 'device',
        deviceId: device.deviceId,
        officeId: device.officeId,
        revoked: device.revokedAt !== null,
        officeRevoked: device.officeRevokedAt !== null,
      };
    }
    const staff = this.sql<[string], { id: string; name: string; revokedAt: string | null }>(
      'SELECT id, name, revoked_at AS revokedAt FROM staff WHERE token_hash = ?',
    ).get(tokenHash);
    return staff ? { kind: 'staff', staffId: staff.id, name: staff.name, revoked: staff.revokedAt !== null } : null;
  }

  async pushRequests(...args: Parameters<Store['pushRequests']>) {
    return this.requests.pushRequests(...args);
  }

  async changesSince(officeId: string, since: number, limit: number) {
    return this.requests.changesSince(officeId, since, limit);
  }

  async findRequestByTrackingCode(trackingCode: string) {
    return this.requests.findRequestByTrackingCode(trackingCode);
  }

  async appendStatus(...args: Parameters<Store['appendStatus']>) {
    return this.requests.appendStatus(...args);
  }

  async purgeFinishedRequests(...args: Parameters<Store['purgeFinishedRequests']>) {
    return this.requests.purgeFinishedRequests(...args);
  }

  async storeAudit(input: { deviceId: string; officeId: string; receivedAt: string; entries: readonly AuditEntry[] }): Promise<number> {
    const insert = this.sql(
      `INSERT INTO audit_entries (id, device_id, office_id, at, action, detail, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    );
    return this.db
      .transaction(() =>
        input.entries.reduce(
          (stored, e) => stored + insert.run(e.id, input.deviceId, input.officeId, e.at, e.action, e.detail, input.receivedAt).changes,
          0,
        ),
      )
      .immediate();
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string) => this.sql<[], number>(`SELECT COUNT(*) FROM ${table}`).pluck().get() ?? 0;
    return {
      offices: count('offices'),
      devices: count('devices'),
      requests: count('requests'),
      statusChanges: count('status_changes'),
      auditEntries: count('audit_entries'),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openSqliteStore(file: string): SqliteStore {
  return new SqliteStore(file);
}
