import type Database from 'better-sqlite3';
import { citizenRequestSchema } from '../../../src/domain/request';
import type { RemoteStatus } from '../../../src/domain/status';
import type { StatusChange } from '../../../src/domain/syncProtocol';
import type { CertificateIssue, CertificateIssueOutcome, CertificateRevocation, CertificateStore, CertificateSubject, StoredCertificate } from './certificateTypes';
import type { MutationOutcome, RequestMutation } from './consoleTypes';
import type { StatusAppend, StatusAppendOutcome } from './types';

const CERTIFICATE_COLUMNS = `number, request_id AS requestId, office_id AS officeId, service_id AS serviceId, key_id AS keyId, token,
  issued_at AS issuedAt, issued_by AS issuedBy, revoked_at AS revokedAt, revoked_by AS revokedBy, revoked_reason AS revokedReason`;

/**
 * Certificates on SQLite. Issuing moves the request with the console's own mutation or the
 * request store's `appendStatus` (nested, each runs as a savepoint of this transaction), so the
 * kiosks' changes feed carries the move to `ready` exactly as any other status change.
 */
export function sqliteCertificates(
  db: Database.Database,
  nested: { appendStatus(change: StatusAppend): StatusAppendOutcome; mutateRequest(mutation: RequestMutation): MutationOutcome },
): CertificateStore {
  const selectSubject = db.prepare<[string], { requestId: string; officeId: string; trackingCode: string; serviceId: string; status: RemoteStatus; body: string; purgedAt: string | null }>(
    `SELECT id AS requestId, office_id AS officeId, tracking_code AS trackingCode, service_id AS serviceId, status, body, purged_at AS purgedAt
     FROM requests WHERE id = ?`,
  );
  const bumpCounter = db.prepare(
    `INSERT INTO certificate_counters (office_id, year, last_number) VALUES (?, ?, 1)
     ON CONFLICT (office_id, year) DO UPDATE SET last_number = certificate_counters.last_number + 1`,
  );
  const selectCounter = db.prepare<[string, number], number>('SELECT last_number FROM certificate_counters WHERE office_id = ? AND year = ?').pluck();
  const selectLive = db.prepare<[string], number>('SELECT 1 FROM certificates WHERE request_id = ? AND revoked_at IS NULL').pluck();
  const insertCertificate = db.prepare(
    `INSERT INTO certificates (number, request_id, office_id, service_id, key_id, token, pdf, issued_at, issued_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectCertificate = db.prepare<[string], StoredCertificate>(`SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE number = ?`);
  const selectOfRequest = db.prepare<[string], StoredCertificate>(
    `SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE request_id = ? ORDER BY issued_at, number`,
  );
  const selectPdf = db.prepare<[string], Buffer>('SELECT pdf FROM certificates WHERE number = ?').pluck();
  const selectLastChange = db.prepare<[string], StatusChange>(
    `SELECT c.seq, c.request_id AS requestId, r.tracking_code AS trackingCode, c.status, c.reason, c.changed_at AS changedAt
     FROM status_changes c JOIN requests r ON r.id = c.request_id WHERE c.request_id = ? ORDER BY c.seq DESC LIMIT 1`,
  );
  const selectVersion = db.prepare<[string], number>('SELECT version FROM requests WHERE id = ?').pluck();
  const revoke = db.prepare(
    'UPDATE certificates SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE number = ? AND revoked_at IS NULL',
  );

  const reserve = db.transaction((officeId: string, year: number): number => {
    bumpCounter.run(officeId, year);
    return selectCounter.get(officeId, year) ?? 1;
  });

  const issue = db.transaction((input: CertificateIssue): CertificateIssueOutcome => {
    const { certificate } = input;
    if (selectLive.get(certificate.requestId) !== undefined) return { ok: false, reason: 'alreadyIssued' };
    let change = null;
    if (input.statusChange?.via === 'append') {
      const appended = nested.appendStatus(input.statusChange.change);
      if (!appended.ok) return { ok: false, reason: 'statusChanged', current: appended.current };
      change = appended.change;
    } else if (input.statusChange?.via === 'console') {
      const mutated = nested.mutateRequest(input.statusChange.mutation);
      if (!mutated.ok) return { ok: false, reason: mutated.reason };
      change = selectLastChange.get(certificate.requestId) ?? null;
    }
    insertCertificate.run(
      certificate.number,
      certificate.requestId,
      certificate.officeId,
      certificate.serviceId,
      certificate.keyId,
      certificate.token,
      Buffer.from(certificate.pdf),
      certificate.issuedAt,
      certificate.issuedBy,
    );
    return { ok: true, change };
  });

  const revokeOne = db.transaction((revocation: CertificateRevocation): boolean => {
    if (revoke.run(revocation.at, revocation.by, revocation.reason, revocation.number).changes !== 1) return false;
    const { record } = revocation;
    if (record) {
      const outcome = nested.mutateRequest({ ...record, expectedVersion: selectVersion.get(record.requestId) ?? -1 });
      // Throwing rolls the revocation back with it: revoked means recorded.
      if (!outcome.ok) throw new Error(`cannot record the revocation on request ${record.requestId}: ${outcome.reason}`);
    }
    return true;
  });

  return {
    async getCertificateSubject(requestId: string): Promise<CertificateSubject | null> {
      const row = selectSubject.get(requestId);
      if (!row) return null;
      const { body, purgedAt, ...subject } = row;
      return { ...subject, request: purgedAt === null ? citizenRequestSchema.parse(JSON.parse(body)) : null };
    },
    reserveCertificateNumber: async (officeId, year) => reserve.immediate(officeId, year),
    storeIssuedCertificate: async (input) => issue.immediate(input),
    getCertificate: async (number) => selectCertificate.get(number) ?? null,
    certificatesOfRequest: async (requestId) => selectOfRequest.all(requestId),
    getCertificatePdf: async (number) => selectPdf.get(number) ?? null,
    revokeCertificate: async (revocation: CertificateRevocation) => revokeOne.immediate(revocation),
  };
}
