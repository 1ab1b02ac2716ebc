import type Database from 'better-sqlite3';
import { citizenRequestSchema } from '../../../src/domain/request';
import type { RemoteStatus } from '../../../src/domain/status';
import type { CertificateIssue, CertificateIssueOutcome, CertificateRevocation, CertificateStore, CertificateSubject, StoredCertificate } from './certificateTypes';
import type { StatusAppend, StatusAppendOutcome } from './types';

const CERTIFICATE_COLUMNS = `number, request_id AS requestId, office_id AS officeId, service_id AS serviceId, key_id AS keyId, token,
  issued_at AS issuedAt, issued_by AS issuedBy, revoked_at AS revokedAt, revoked_by AS revokedBy, revoked_reason AS revokedReason`;

/**
 * Certificates on SQLite. Issuing appends the status change with the request store's own
 * `appendStatus` (nested, it runs as a savepoint of this transaction), so the kiosks' changes feed
 * carries the move to `ready` exactly as any other status change.
 */
export function sqliteCertificates(db: Database.Database, appendStatus: (change: StatusAppend) => StatusAppendOutcome): CertificateStore {
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
    if (input.statusChange) {
      const appended = appendStatus(input.statusChange);
      if (!appended.ok) return { ok: false, reason: 'statusChanged', current: appended.current };
      change = appended.change;
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
    revokeCertificate: async (revocation: CertificateRevocation) =>
      revoke.run(revocation.at, revocation.by, revocation.reason, revocation.number).changes === 1,
  };
}
