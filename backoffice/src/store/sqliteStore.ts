import Database from 'better-sqlite3';
import { catalogueSchema, type Catalogue } from '../../../src/domain/catalogue';
import type { CertificateStore } from './certificateTypes';
import type { ConsoleStore } from './consoleTypes';
import { prepareDataFile } from './dataFiles';
import { memoryRateLimits } from './memoryRateLimits';
import { migrate } from './migrate';
import { sqliteOfficeIdentity } from './sqliteOfficeIdentity';
import type { OutboxStore } from './outboxTypes';
import { sqliteOutbox } from './sqliteOutbox';
import type { OfficeIdentityStore } from './officeIdentityTypes';
import { sqliteCertificates } from './sqliteCertificates';
import { sqliteConsole } from './sqliteConsole';
import { sqliteEnrolmentGuard } from './sqliteEnrolment';
import { sqliteStaff } from './sqliteStaff';
import type { StaffStore } from './staffTypes';
import type { PromptRecordingStore } from './promptRecordingTypes';
import { sqlitePromptRecordings } from './sqlitePromptRecordings';
import { sqliteRequests } from './sqliteRequests';
import type { PortalStore } from './portalTypes';
import { sqlitePortal } from './sqlitePortal';
import type { DirectoryStore } from './directoryTypes';
import { sqliteDirectory } from './sqliteDirectory';
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
  private readonly portal: PortalStore;
  private readonly certificates: CertificateStore;
  private readonly enrolmentGuard: ReturnType<typeof sqliteEnrolmentGuard>;
  private readonly recordings: PromptRecordingStore;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly staff: StaffStore;
  private readonly console: ReturnType<typeof sqliteConsole>;
  private readonly directory: DirectoryStore;
  private readonly outbox: OutboxStore;

  // Staff accounts and the console: their SQL lives in sqliteStaff.ts and sqliteConsole.ts.
  readonly createStaffAccount: StaffStore['createStaffAccount'] = (...args) => this.staff.createStaffAccount(...args);
  readonly getStaffAccount: StaffStore['getStaffAccount'] = (...args) => this.staff.getStaffAccount(...args);
  readonly findStaffByLogin: StaffStore['findStaffByLogin'] = (...args) => this.staff.findStaffByLogin(...args);
  readonly findStaffByActivation: StaffStore['findStaffByActivation'] = (...args) => this.staff.findStaffByActivation(...args);
  readonly setStaffPassword: StaffStore['setStaffPassword'] = (...args) => this.staff.setStaffPassword(...args);
  readonly resetStaffPassword: StaffStore['resetStaffPassword'] = (...args) => this.staff.resetStaffPassword(...args);
  readonly revokeStaffAccount: StaffStore['revokeStaffAccount'] = (...args) => this.staff.revokeStaffAccount(...args);
  readonly recordLogin: StaffStore['recordLogin'] = (...args) => this.staff.recordLogin(...args);
  readonly grantRole: StaffStore['grantRole'] = (...args) => this.staff.grantRole(...args);
  readonly revokeRole: StaffStore['revokeRole'] = (...args) => this.staff.revokeRole(...args);
  readonly activeRoles: StaffStore['activeRoles'] = (...args) => this.staff.activeRoles(...args);
  readonly listOfficeStaff: StaffStore['listOfficeStaff'] = (...args) => this.staff.listOfficeStaff(...args);
  readonly createSession: StaffStore['createSession'] = (...args) => this.staff.createSession(...args);
  readonly getSession: StaffStore['getSession'] = (...args) => this.staff.getSession(...args);
  readonly touchSession: StaffStore['touchSession'] = (...args) => this.staff.touchSession(...args);
  readonly revokeSession: StaffStore['revokeSession'] = (...args) => this.staff.revokeSession(...args);
  readonly revokeSessionsOf: StaffStore['revokeSessionsOf'] = (...args) => this.staff.revokeSessionsOf(...args);
  readonly getThrottle: StaffStore['getThrottle'] = (...args) => this.staff.getThrottle(...args);
  readonly putThrottle: StaffStore['putThrottle'] = (...args) => this.staff.putThrottle(...args);
  readonly clearThrottle: StaffStore['clearThrottle'] = (...args) => this.staff.clearThrottle(...args);
  readonly appendStaffAudit: StaffStore['appendStaffAudit'] = (...args) => this.staff.appendStaffAudit(...args);
  readonly listStaffAudit: StaffStore['listStaffAudit'] = (...args) => this.staff.listStaffAudit(...args);
  readonly queueCounts: ConsoleStore['queueCounts'] = (...args) => this.console.queueCounts(...args);
  readonly queuePage: ConsoleStore['queuePage'] = (...args) => this.console.queuePage(...args);
  readonly searchRequests: ConsoleStore['searchRequests'] = (...args) => this.console.searchRequests(...args);
  readonly getWorkRow: ConsoleStore['getWorkRow'] = (...args) => this.console.getWorkRow(...args);
  readonly timeline: ConsoleStore['timeline'] = (...args) => this.console.timeline(...args);
  readonly checklist: ConsoleStore['checklist'] = (...args) => this.console.checklist(...args);
  readonly mutateRequest: ConsoleStore['mutateRequest'] = (...args) => this.console.mutateRequest(...args);
  readonly eventsSince: ConsoleStore['eventsSince'] = (...args) => this.console.eventsSince(...args);
  readonly lastEventSeq: ConsoleStore['lastEventSeq'] = (...args) => this.console.lastEventSeq(...args);
  readonly requestsToIndex: ConsoleStore['requestsToIndex'] = (...args) => this.console.requestsToIndex(...args);
  readonly writeSearchTerms: ConsoleStore['writeSearchTerms'] = (...args) => this.console.writeSearchTerms(...args);
  readonly recordHeartbeat: ConsoleStore['recordHeartbeat'] = (...args) => this.console.recordHeartbeat(...args);
  readonly listHeartbeats: ConsoleStore['listHeartbeats'] = (...args) => this.console.listHeartbeats(...args);
  readonly statisticsRows: ConsoleStore['statisticsRows'] = (...args) => this.console.statisticsRows(...args);
  // The office's identity on its kiosks: its SQL lives in sqliteOfficeIdentity.ts.
  readonly setOfficeIdentity: OfficeIdentityStore['setOfficeIdentity'] = (...args) => this.officeIdentity.setOfficeIdentity(...args);
  readonly getOfficeIdentity: OfficeIdentityStore['getOfficeIdentity'] = (...args) => this.officeIdentity.getOfficeIdentity(...args);
  // The office's prompt recordings: their SQL lives in sqlitePromptRecordings.ts.
  readonly putPromptRecording: PromptRecordingStore['putPromptRecording'] = (...args) => this.recordings.putPromptRecording(...args);
  readonly listPromptRecordings: PromptRecordingStore['listPromptRecordings'] = (...args) => this.recordings.listPromptRecordings(...args);
  readonly getPromptRecording: PromptRecordingStore['getPromptRecording'] = (...args) => this.recordings.getPromptRecording(...args);
  readonly deletePromptRecording: PromptRecordingStore['deletePromptRecording'] = (...args) => this.recordings.deletePromptRecording(...args);

  // The citizens' portal: its SQL lives in sqlitePortal.ts.
  readonly putLoginCode: PortalStore['putLoginCode'] = (...args) => this.portal.putLoginCode(...args);
  readonly checkLoginCode: PortalStore['checkLoginCode'] = (...args) => this.portal.checkLoginCode(...args);
  readonly takeLoginLink: PortalStore['takeLoginLink'] = (...args) => this.portal.takeLoginLink(...args);
  readonly portalSignIn: PortalStore['portalSignIn'] = (...args) => this.portal.portalSignIn(...args);
  readonly getPortalSession: PortalStore['getPortalSession'] = (...args) => this.portal.getPortalSession(...args);
  readonly touchPortalSession: PortalStore['touchPortalSession'] = (...args) => this.portal.touchPortalSession(...args);
  readonly revokePortalSession: PortalStore['revokePortalSession'] = (...args) => this.portal.revokePortalSession(...args);
  readonly getPortalAccount: PortalStore['getPortalAccount'] = (...args) => this.portal.getPortalAccount(...args);
  readonly getPortalInstallation: PortalStore['getPortalInstallation'] = (...args) => this.portal.getPortalInstallation(...args);
  readonly listServedOffices: PortalStore['listServedOffices'] = (...args) => this.portal.listServedOffices(...args);
  readonly portalRequests: PortalStore['portalRequests'] = (...args) => this.portal.portalRequests(...args);
  readonly portalRequest: PortalStore['portalRequest'] = (...args) => this.portal.portalRequest(...args);
  readonly emptyWithdrawnRequest: PortalStore['emptyWithdrawnRequest'] = (...args) => this.portal.emptyWithdrawnRequest(...args);
  readonly deletePortalAccount: PortalStore['deletePortalAccount'] = (...args) => this.portal.deletePortalAccount(...args);
  readonly purgePortal: PortalStore['purgePortal'] = (...args) => this.portal.purgePortal(...args);

  // The routing directory and forwards: their SQL lives in sqliteDirectory.ts.
  readonly addBody: DirectoryStore['addBody'] = (...args) => this.directory.addBody(...args);
  readonly listBodies: DirectoryStore['listBodies'] = (...args) => this.directory.listBodies(...args);
  readonly getBody: DirectoryStore['getBody'] = (...args) => this.directory.getBody(...args);
  readonly removeBody: DirectoryStore['removeBody'] = (...args) => this.directory.removeBody(...args);
  readonly mutateAndForward: DirectoryStore['mutateAndForward'] = (...args) => this.directory.mutateAndForward(...args);
  readonly getForward: DirectoryStore['getForward'] = (...args) => this.directory.getForward(...args);
  readonly forwardsOf: DirectoryStore['forwardsOf'] = (...args) => this.directory.forwardsOf(...args);
  readonly openForwards: DirectoryStore['openForwards'] = (...args) => this.directory.openForwards(...args);
  readonly markForwardSent: DirectoryStore['markForwardSent'] = (...args) => this.directory.markForwardSent(...args);
  readonly answerForward: DirectoryStore['answerForward'] = (...args) => this.directory.answerForward(...args);
  readonly forwardDocument: DirectoryStore['forwardDocument'] = (...args) => this.directory.forwardDocument(...args);
  readonly onForward: DirectoryStore['onForward'] = (...args) => this.directory.onForward(...args);
  readonly purgeForwardDocuments: DirectoryStore['purgeForwardDocuments'] = (...args) => this.directory.purgeForwardDocuments(...args);
  // The message outbox: its SQL lives in sqliteOutbox.ts.
  readonly enqueueMessage: OutboxStore['enqueueMessage'] = (...args) => this.outbox.enqueueMessage(...args);
  readonly claimDueMessages: OutboxStore['claimDueMessages'] = (...args) => this.outbox.claimDueMessages(...args);
  readonly markMessageSent: OutboxStore['markMessageSent'] = (...args) => this.outbox.markMessageSent(...args);
  readonly markMessageRetry: OutboxStore['markMessageRetry'] = (...args) => this.outbox.markMessageRetry(...args);
  readonly markMessageFailed: OutboxStore['markMessageFailed'] = (...args) => this.outbox.markMessageFailed(...args);
  readonly messagesOfRequest: OutboxStore['messagesOfRequest'] = (...args) => this.outbox.messagesOfRequest(...args);
  readonly outboxCounts: OutboxStore['outboxCounts'] = (...args) => this.outbox.outboxCounts(...args);

  constructor(file: string) {
    prepareDataFile(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // Deleted and overwritten content is zeroed, not left in free pages: a purged value is gone from the file.
    this.db.pragma('secure_delete = ON');
    // The CLI may write while the server runs: wait for the lock rather than fail.
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.requests = sqliteRequests(this.db);
    this.officeIdentity = sqliteOfficeIdentity(this.db);
    this.portal = sqlitePortal(this.db);
    this.recordings = sqlitePromptRecordings(this.db);
    this.staff = sqliteStaff(this.db);
    this.console = sqliteConsole(this.db);
    this.certificates = sqliteCertificates(this.db, {
      appendStatus: (change) => this.requests.appendStatus(change),
      mutateRequest: (mutation) => this.console.mutateRequestNow(mutation),
    });
    this.enrolmentGuard = sqliteEnrolmentGuard(this.db);
    this.directory = sqliteDirectory(this.db, (mutation) => this.console.mutateRequestNow(mutation));
    this.outbox = sqliteOutbox(this.db);
  }

  async enrolmentCodeOffice(codeHash: string): Promise<string | null> {
    return this.enrolmentGuard.enrolmentCodeOffice(codeHash);
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

  async replaceCatalogue(officeId: string, catalogue: Catalogue, expectedVersion: number, at: string): Promise<Catalogue | 'version_conflict'> {
    return this.db
      .transaction((): Catalogue | 'version_conflict' => {
        const latest = this.sql<[string], number>('SELECT COALESCE(MAX(version), 0) FROM catalogue_versions WHERE office_id = ?');
        if ((latest.pluck().get(officeId) ?? 0) !== expectedVersion) return 'version_conflict';
        const next: Catalogue = { ...catalogue, version: expectedVersion + 1 };
        this.sql('INSERT INTO catalogue_versions (office_id, version, body, imported_at) VALUES (?, ?, ?, ?)').run(officeId, next.version, JSON.stringify(next), at);
        return next;
      })
      .immediate();
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
        // A prefix claimed by a push (codes made before enrolment) is as taken as an issued one.
        const taken = this.sql<[string, string], number>(
          'SELECT 1 FROM devices WHERE tracking_prefix = ? UNION SELECT 1 FROM tracking_prefixes WHERE prefix = ?',
        ).pluck();
        const prefix = input.prefixCandidates.find((candidate) => taken.get(candidate, candidate) === undefined);
        if (prefix === undefined) return { ok: false, reason: 'prefixesExhausted' };
        this.sql(
          'INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(input.device.id, office.id, input.device.label, input.device.tokenHash, prefix, input.now);
        this.sql('INSERT INTO tracking_prefixes (prefix, device_id, office_id, claimed_at, issued) VALUES (?, ?, ?, ?, 1)').run(
          prefix,
          input.device.id,
          office.id,
          input.now,
        );
        const markUsed = this.sql('UPDATE enrolment_codes SET used_at = ?, used_by_device = ? WHERE code_hash = ?');
        markUsed.run(input.now, input.device.id, input.codeHash);
        const replaced = input.replaces ? this.replaceDevice(input.replaces, { id: input.device.id, officeId: office.id }, input.now) : null;
        const device = this.sql<[string], Device>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`).get(input.device.id)!;
        return { ok: true, device, office, replaced };
      })
      .immediate();
  }

  /**
   * The same tablet enrolled again: its old device (found by the token it held, revoked or not,
   * and only within the same office) is revoked and points to the new one, its tracking prefixes
   * and requests follow it (so its queued requests are still its own), and the change is written to the audit
   * log. Inside the enrolment's transaction. Null when the token names no device of this office.
   */
  private replaceDevice(replaces: { tokenHash: string; auditId: string }, next: { id: string; officeId: string }, now: string): string | null {
    const old = this.sql<[string, string], { id: string; officeId: string }>(
      'SELECT id, office_id AS officeId FROM devices WHERE token_hash = ? AND id != ? AND replaced_by IS NULL',
    ).get(replaces.tokenHash, next.id);
    if (!old || old.officeId !== next.officeId) return null;
    this.sql('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?), replaced_by = ? WHERE id = ?').run(now, next.id, old.id);
    // The same tablet: its codes, its requests and its sequence carry on under the new device.
    this.sql('UPDATE tracking_prefixes SET device_id = ? WHERE device_id = ?').run(next.id, old.id);
    this.sql('UPDATE requests SET device_id = ? WHERE device_id = ?').run(next.id, old.id);
    this.sql('UPDATE devices SET last_kiosk_seq = (SELECT last_kiosk_seq FROM devices WHERE id = ?) WHERE id = ?').run(old.id, next.id);
    this.sql('INSERT INTO audit_entries (id, device_id, office_id, at, action, detail, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
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

  async findPrincipal(tokenHash: string): Promise<Principal | null> {
    const device = this.sql<[string], { deviceId: string; officeId: string; revokedAt: string | null; officeRevokedAt: string | null }>(
      `SELECT d.id AS deviceId, d.office_id AS officeId, d.revoked_at AS revokedAt, o.revoked_at AS officeRevokedAt
       FROM devices d JOIN offices o ON o.id = d.office_id WHERE d.token_hash = ?`,
    ).get(tokenHash);
    if (!device) return null;
    return {
      kind: 'device',
      deviceId: device.deviceId,
      officeId: device.officeId,
      revoked: device.revokedAt !== null,
      officeRevoked: device.officeRevokedAt !== null,
    };
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
    const purged = this.requests.purgeFinishedRequests(...args);
    // The old pages live on in the WAL until a checkpoint: copy them home (zeroed) and truncate it now.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return purged;
  }

  async getCertificateSubject(...args: Parameters<Store['getCertificateSubject']>) {
    return this.certificates.getCertificateSubject(...args);
  }

  async reserveCertificateNumber(...args: Parameters<Store['reserveCertificateNumber']>) {
    return this.certificates.reserveCertificateNumber(...args);
  }

  async storeIssuedCertificate(...args: Parameters<Store['storeIssuedCertificate']>) {
    return this.certificates.storeIssuedCertificate(...args);
  }

  async getCertificate(...args: Parameters<Store['getCertificate']>) {
    return this.certificates.getCertificate(...args);
  }

  async certificatesOfRequest(...args: Parameters<Store['certificatesOfRequest']>) {
    return this.certificates.certificatesOfRequest(...args);
  }

  async getCertificatePdf(...args: Parameters<Store['getCertificatePdf']>) {
    return this.certificates.getCertificatePdf(...args);
  }

  async revokeCertificate(...args: Parameters<Store['revokeCertificate']>) {
    return this.certificates.revokeCertificate(...args);
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

  private readonly rateLimits = memoryRateLimits();

  hitRateLimit(key: string, windowMs: number) {
    return this.rateLimits.hitRateLimit(key, windowMs);
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function openSqliteStore(file: string): SqliteStore {
  return new SqliteStore(file);
}
