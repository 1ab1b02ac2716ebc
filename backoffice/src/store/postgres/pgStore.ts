import type pg from 'pg';
import { catalogueSchema, type Catalogue } from '../../../../src/domain/catalogue';
import type { CertificateStore } from '../certificateTypes';
import type { ConsoleStore } from '../consoleTypes';
import type { OfficeIdentityStore } from '../officeIdentityTypes';
import type { PromptRecordingStore } from '../promptRecordingTypes';
import type { StaffStore } from '../staffTypes';
import type { AuditEntry, Device, EnrolmentInput, EnrolmentOutcome, Office, Principal, Store, StoreStats } from '../types';
import { migratePostgres } from './migrate';
import { pgCertificates } from './pgCertificates';
import { pgConsole } from './pgConsole';
import type { DirectoryStore } from '../directoryTypes';
import { pgDirectory } from './pgDirectory';
import { pgOfficeIdentity } from './pgOfficeIdentity';
import type { PortalStore } from '../portalTypes';
import { pgPortal } from './pgPortal';
import type { OutboxStore } from '../outboxTypes';
import { pgOutbox } from './pgOutbox';
import { pgPromptRecordings } from './pgPromptRecordings';
import { pgRateLimits } from './pgRateLimits';
import { pgStaff } from './pgStaff';
import { pgRequests, type PgFaults } from './pgRequests';
import { ADVISORY_LOCKS, createPool, inTransaction, type Queryable } from './pool';

const DEVICE_COLUMNS = `id, office_id AS "officeId", label, tracking_prefix AS "trackingPrefix", enrolled_at AS "enrolledAt",
  revoked_at AS "revokedAt", last_kiosk_seq AS "lastKioskSeq", kiosk_seq_gaps AS "kioskSeqGaps", kiosk_seq_replays AS "kioskSeqReplays"`;
const OFFICE_COLUMNS = `id, name, created_at AS "createdAt", revoked_at AS "revokedAt"`;

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

export interface PostgresStoreOptions {
  url: string;
  /** Connections of this instance; see docs/operations.md for sizing against max_connections. */
  poolSize?: number;
  /** Test seams that hold a transaction at a chosen point, to make instances interleave on purpose. */
  faults?: PgFaults;
}

export const DEFAULT_PG_POOL_SIZE = 10;

/**
 * The store on PostgreSQL, for a back office run as several stateless instances: everything that
 * must hold across instances (exactly-once, the feed's order, single-use codes) is held by the
 * database, with row locks, unique keys and advisory locks, never in this process.
 */
export class PostgresStore implements Store {
  readonly pool: pg.Pool;
  /** Catalogue versions never change once stored, so a parsed one can be kept by each instance. */
  private readonly catalogues = new Map<string, Catalogue>();
  private readonly requests: ReturnType<typeof pgRequests>;
  private readonly rateLimits: ReturnType<typeof pgRateLimits>;
  private readonly staff: StaffStore;
  private readonly console: ConsoleStore;
  private readonly certificates: CertificateStore;
  private readonly recordings: PromptRecordingStore;
  private readonly officeIdentity: OfficeIdentityStore;
  private readonly portal: PortalStore;
  private readonly directory: DirectoryStore;
  private readonly outbox: OutboxStore;

  // Staff accounts and the console: their SQL lives in pgStaff.ts and pgConsole.ts.
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
  // The office's prompt recordings: their SQL lives in pgPromptRecordings.ts.
  readonly putPromptRecording: PromptRecordingStore['putPromptRecording'] = (...args) => this.recordings.putPromptRecording(...args);
  readonly listPromptRecordings: PromptRecordingStore['listPromptRecordings'] = (...args) => this.recordings.listPromptRecordings(...args);
  readonly getPromptRecording: PromptRecordingStore['getPromptRecording'] = (...args) => this.recordings.getPromptRecording(...args);
  readonly deletePromptRecording: PromptRecordingStore['deletePromptRecording'] = (...args) => this.recordings.deletePromptRecording(...args);
  // The office's identity on its kiosks: its SQL lives in pgOfficeIdentity.ts.
  readonly setOfficeIdentity: OfficeIdentityStore['setOfficeIdentity'] = (...args) => this.officeIdentity.setOfficeIdentity(...args);
  readonly getOfficeIdentity: OfficeIdentityStore['getOfficeIdentity'] = (...args) => this.officeIdentity.getOfficeIdentity(...args);
  // Certificates: their SQL lives in pgCertificates.ts.
  readonly getCertificateSubject: CertificateStore['getCertificateSubject'] = (...args) => this.certificates.getCertificateSubject(...args);
  readonly reserveCertificateNumber: CertificateStore['reserveCertificateNumber'] = (...args) => this.certificates.reserveCertificateNumber(...args);
  readonly storeIssuedCertificate: CertificateStore['storeIssuedCertificate'] = (...args) => this.certificates.storeIssuedCertificate(...args);
  readonly getCertificate: CertificateStore['getCertificate'] = (...args) => this.certificates.getCertificate(...args);
  readonly certificatesOfRequest: CertificateStore['certificatesOfRequest'] = (...args) => this.certificates.certificatesOfRequest(...args);
  readonly getCertificatePdf: CertificateStore['getCertificatePdf'] = (...args) => this.certificates.getCertificatePdf(...args);
  readonly revokeCertificate: CertificateStore['revokeCertificate'] = (...args) => this.certificates.revokeCertificate(...args);

  // The citizens' portal: its SQL lives in pgPortal.ts.
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
  // The routing directory and forwards: their SQL lives in pgDirectory.ts.
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
  // The message outbox: its SQL lives in pgOutbox.ts.
  readonly enqueueMessage: OutboxStore['enqueueMessage'] = (...args) => this.outbox.enqueueMessage(...args);
  readonly claimDueMessages: OutboxStore['claimDueMessages'] = (...args) => this.outbox.claimDueMessages(...args);
  readonly markMessageSent: OutboxStore['markMessageSent'] = (...args) => this.outbox.markMessageSent(...args);
  readonly markMessageRetry: OutboxStore['markMessageRetry'] = (...args) => this.outbox.markMessageRetry(...args);
  readonly markMessageFailed: OutboxStore['markMessageFailed'] = (...args) => this.outbox.markMessageFailed(...args);
  readonly messagesOfRequest: OutboxStore['messagesOfRequest'] = (...args) => this.outbox.messagesOfRequest(...args);
  readonly outboxCounts: OutboxStore['outboxCounts'] = (...args) => this.outbox.outboxCounts(...args);

  private constructor(pool: pg.Pool, options: PostgresStoreOptions) {
    this.pool = pool;
    this.requests = pgRequests(pool, options.faults);
    this.rateLimits = pgRateLimits(pool);
    this.staff = pgStaff(pool);
    this.console = pgConsole(pool);
    this.directory = pgDirectory(pool);
    this.certificates = pgCertificates(pool);
    this.recordings = pgPromptRecordings(pool);
    this.officeIdentity = pgOfficeIdentity(pool);
    this.portal = pgPortal(pool);
    this.outbox = pgOutbox(pool);
  }

  /** Connects and applies the pending migrations (under a lock, see migrate.ts). */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = createPool(options.url, options.poolSize ?? DEFAULT_PG_POOL_SIZE);
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool, options);
  }

  private async one<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R | null> {
    const { rows } = await this.pool.query<R>(sql, params);
    return rows[0] ?? null;
  }

  private async changed(sql: string, params: unknown[]): Promise<number> {
    return (await this.pool.query(sql, params)).rowCount ?? 0;
  }

  async createOffice(office: { id: string; name: string; createdAt: string }): Promise<'created' | 'exists'> {
    const inserted = await this.changed('INSERT INTO offices (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
      office.id,
      office.name,
      office.createdAt,
    ]);
    return inserted === 1 ? 'created' : 'exists';
  }

  getOffice(id: string): Promise<Office | null> {
    return this.one<Office>(`SELECT ${OFFICE_COLUMNS} FROM offices WHERE id = $1`, [id]);
  }

  async revokeOffice(id: string, at: string): Promise<boolean> {
    return (await this.changed('UPDATE offices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])) === 1;
  }

  importCatalogue(officeId: string, catalogue: Catalogue, at: string): Promise<Catalogue> {
    return inTransaction(this.pool, async (client) => {
      // The office row is the lock: two imports for one office number their versions in turn.
      await client.query('SELECT 1 FROM offices WHERE id = $1 FOR UPDATE', [officeId]);
      const { rows } = await client.query<{ latest: number }>(
        'SELECT COALESCE(MAX(version), 0) AS latest FROM catalogue_versions WHERE office_id = $1',
        [officeId],
      );
      const next: Catalogue = { ...catalogue, version: (rows[0]?.latest ?? 0) + 1 };
      await client.query('INSERT INTO catalogue_versions (office_id, version, body, imported_at) VALUES ($1, $2, $3, $4)', [
        officeId,
        next.version,
        JSON.stringify(next),
        at,
      ]);
      return next;
    });
  }

  replaceCatalogue(officeId: string, catalogue: Catalogue, expectedVersion: number, at: string): Promise<Catalogue | 'version_conflict'> {
    return inTransaction(this.pool, async (client): Promise<Catalogue | 'version_conflict'> => {
      // The office row is the lock, as for importCatalogue: the check and the insert see the same latest version.
      await client.query('SELECT 1 FROM offices WHERE id = $1 FOR UPDATE', [officeId]);
      const { rows } = await client.query<{ latest: number }>(
        'SELECT COALESCE(MAX(version), 0) AS latest FROM catalogue_versions WHERE office_id = $1',
        [officeId],
      );
      if ((rows[0]?.latest ?? 0) !== expectedVersion) return 'version_conflict';
      const next: Catalogue = { ...catalogue, version: expectedVersion + 1 };
      await client.query('INSERT INTO catalogue_versions (office_id, version, body, imported_at) VALUES ($1, $2, $3, $4)', [
        officeId,
        next.version,
        JSON.stringify(next),
        at,
      ]);
      return next;
    });
  }

  async getCatalogue(officeId: string, version?: number): Promise<Catalogue | null> {
    const wanted =
      version ?? (await this.one<{ latest: number | null }>('SELECT MAX(version) AS latest FROM catalogue_versions WHERE office_id = $1', [officeId]))?.latest;
    if (wanted === null || wanted === undefined) return null;
    const key = `${officeId}\u0000${wanted}`;
    const cached = this.catalogues.get(key);
    if (cached) return cached;
    const row = await this.one<{ body: string }>('SELECT body FROM catalogue_versions WHERE office_id = $1 AND version = $2', [officeId, wanted]);
    if (!row) return null;
    // Parsed again on the way out: what the kiosk receives is always a valid catalogue.
    const catalogue = catalogueSchema.parse(JSON.parse(row.body));
    this.catalogues.set(key, catalogue);
    return catalogue;
  }

  async createEnrolmentCode(code: { codeHash: string; officeId: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.pool.query('INSERT INTO enrolment_codes (code_hash, office_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      code.codeHash,
      code.officeId,
      code.createdAt,
      code.expiresAt,
    ]);
  }

  redeemEnrolmentCode(input: EnrolmentInput): Promise<EnrolmentOutcome> {
    return inTransaction(this.pool, async (client): Promise<EnrolmentOutcome> => {
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
  }

  async enrolmentCodeOffice(codeHash: string): Promise<string | null> {
    return (await this.one<{ officeId: string }>('SELECT office_id AS "officeId" FROM enrolment_codes WHERE code_hash = $1', [codeHash]))?.officeId ?? null;
  }

  getDevice(id: string): Promise<Device | null> {
    return this.one<Device>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1`, [id]);
  }

  async listDevices(officeId?: string): Promise<Device[]> {
    const { rows } = await this.pool.query<Device>(
      `SELECT ${DEVICE_COLUMNS} FROM devices WHERE $1::text IS NULL OR office_id = $1 ORDER BY enrolled_at, id`,
      [officeId ?? null],
    );
    return rows;
  }

  async revokeDevice(id: string, at: string): Promise<boolean> {
    return (await this.changed('UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])) === 1;
  }

  async findPrincipal(tokenHash: string): Promise<Principal | null> {
    const device = await this.one<{ deviceId: string; officeId: string; revokedAt: string | null; officeRevokedAt: string | null }>(
      `SELECT d.id AS "deviceId", d.office_id AS "officeId", d.revoked_at AS "revokedAt", o.revoked_at AS "officeRevokedAt"
       FROM devices d JOIN offices o ON o.id = d.office_id WHERE d.token_hash = $1`,
      [tokenHash],
    );
    if (!device) return null;
    return {
      kind: 'device',
      deviceId: device.deviceId,
      officeId: device.officeId,
      revoked: device.revokedAt !== null,
      officeRevoked: device.officeRevokedAt !== null,
    };
  }

  pushRequests(...args: Parameters<Store['pushRequests']>) {
    return this.requests.pushRequests(...args);
  }

  changesSince(officeId: string, since: number, limit: number) {
    return this.requests.changesSince(officeId, since, limit);
  }

  findRequestByTrackingCode(trackingCode: string) {
    return this.requests.findRequestByTrackingCode(trackingCode);
  }

  appendStatus(...args: Parameters<Store['appendStatus']>) {
    return this.requests.appendStatus(...args);
  }

  purgeFinishedRequests(...args: Parameters<Store['purgeFinishedRequests']>) {
    return this.requests.purgeFinishedRequests(...args);
  }

  async storeAudit(input: { deviceId: string; officeId: string; receivedAt: string; entries: readonly AuditEntry[] }): Promise<number> {
    if (input.entries.length === 0) return 0;
    const { rowCount } = await this.pool.query(
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
  }

  hitRateLimit(key: string, windowMs: number) {
    return this.rateLimits.hitRateLimit(key, windowMs);
  }

  async stats(): Promise<StoreStats> {
    const row = await this.one<StoreStats>(
      `SELECT (SELECT COUNT(*) FROM offices) AS offices, (SELECT COUNT(*) FROM devices) AS devices,
        (SELECT COUNT(*) FROM requests) AS requests, (SELECT COUNT(*) FROM status_changes) AS "statusChanges",
        (SELECT COUNT(*) FROM audit_entries) AS "auditEntries"`,
      [],
    );
    return row!;
  }

  private closing: Promise<void> | null = null;

  /** Waits for the connections to close; closing twice is harmless. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
