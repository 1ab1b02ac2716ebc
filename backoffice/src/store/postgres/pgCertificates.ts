import type pg from 'pg';
import { citizenRequestSchema } from '../../../../src/domain/request';
import type { RemoteStatus } from '../../../../src/domain/status';
import type { StatusChange } from '../../../../src/domain/syncProtocol';
import type { CertificateIssue, CertificateIssueOutcome, CertificateRevocation, CertificateStore, CertificateSubject, StoredCertificate } from '../certificateTypes';
import { mutateRequestIn } from './pgConsole';
import { append } from './pgRequests';
import { inTransaction } from './pool';

const CERTIFICATE_COLUMNS = `number, request_id AS "requestId", office_id AS "officeId", service_id AS "serviceId", key_id AS "keyId", token,
  issued_at AS "issuedAt", issued_by AS "issuedBy", revoked_at AS "revokedAt", revoked_by AS "revokedBy", revoked_reason AS "revokedReason"`;

/**
 * Certificates on PostgreSQL. Issuing moves the request in the same transaction, with the
 * console's mutation or the request store's append, so the kiosks' changes feed carries the move
 * to `ready` as any other status change. The request's row is locked first: two chiefs issuing at
 * once are served in turn, and the second finds the first's certificate.
 */
export function pgCertificates(pool: pg.Pool): CertificateStore {
  return {
    async getCertificateSubject(requestId: string): Promise<CertificateSubject | null> {
      const { rows } = await pool.query<{ requestId: string; officeId: string; trackingCode: string; serviceId: string; status: RemoteStatus; body: string; purgedAt: string | null }>(
        `SELECT id AS "requestId", office_id AS "officeId", tracking_code AS "trackingCode", service_id AS "serviceId", status, body, purged_at AS "purgedAt"
         FROM requests WHERE id = $1`,
        [requestId],
      );
      const row = rows[0];
      if (!row) return null;
      const { body, purgedAt, ...subject } = row;
      return { ...subject, request: purgedAt === null ? citizenRequestSchema.parse(JSON.parse(body)) : null };
    },

    async reserveCertificateNumber(officeId, year) {
      const { rows } = await pool.query<{ last: number }>(
        `INSERT INTO certificate_counters (office_id, year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (office_id, year) DO UPDATE SET last_number = certificate_counters.last_number + 1
         RETURNING last_number AS last`,
        [officeId, year],
      );
      return rows[0]?.last ?? 1;
    },

    storeIssuedCertificate: (input: CertificateIssue) =>
      inTransaction(pool, async (client): Promise<CertificateIssueOutcome> => {
        const { certificate } = input;
        await client.query('SELECT 1 FROM requests WHERE id = $1 FOR UPDATE', [certificate.requestId]);
        const live = await client.query('SELECT 1 FROM certificates WHERE request_id = $1 AND revoked_at IS NULL', [certificate.requestId]);
        if ((live.rowCount ?? 0) > 0) return { ok: false, reason: 'alreadyIssued' };
        let change: StatusChange | null = null;
        if (input.statusChange?.via === 'append') {
          const appended = await append(client, input.statusChange.change);
          if (!appended.ok) return { ok: false, reason: 'statusChanged', current: appended.current };
          change = appended.change;
        } else if (input.statusChange?.via === 'console') {
          const mutated = await mutateRequestIn(client, input.statusChange.mutation);
          if (!mutated.ok) return { ok: false, reason: mutated.reason };
          const { rows } = await client.query<StatusChange>(
            `SELECT c.seq, c.request_id AS "requestId", r.tracking_code AS "trackingCode", c.status, c.reason, c.changed_at AS "changedAt"
             FROM status_changes c JOIN requests r ON r.id = c.request_id WHERE c.request_id = $1 ORDER BY c.seq DESC LIMIT 1`,
            [certificate.requestId],
          );
          change = rows[0] ?? null;
        }
        await client.query(
          `INSERT INTO certificates (number, request_id, office_id, service_id, key_id, token, pdf, issued_at, issued_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            certificate.number,
            certificate.requestId,
            certificate.officeId,
            certificate.serviceId,
            certificate.keyId,
            certificate.token,
            Buffer.from(certificate.pdf),
            certificate.issuedAt,
            certificate.issuedBy,
          ],
        );
        return { ok: true, change };
      }),

    getCertificate: async (number) =>
      (await pool.query<StoredCertificate>(`SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE number = $1`, [number])).rows[0] ?? null,

    certificatesOfRequest: async (requestId) =>
      (await pool.query<StoredCertificate>(`SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE request_id = $1 ORDER BY issued_at, number COLLATE "C"`, [requestId])).rows,

    getCertificatePdf: async (number) => (await pool.query<{ pdf: Buffer }>('SELECT pdf FROM certificates WHERE number = $1', [number])).rows[0]?.pdf ?? null,

    revokeCertificate: (revocation: CertificateRevocation) =>
      inTransaction(pool, async (client) => {
        const { rowCount } = await client.query(
          'UPDATE certificates SET revoked_at = $1, revoked_by = $2, revoked_reason = $3 WHERE number = $4 AND revoked_at IS NULL',
          [revocation.at, revocation.by, revocation.reason, revocation.number],
        );
        if (rowCount !== 1) return false;
        const { record } = revocation;
        if (record) {
          const { rows } = await client.query<{ version: number }>('SELECT version FROM requests WHERE id = $1', [record.requestId]);
          const outcome = await mutateRequestIn(client, { ...record, expectedVersion: rows[0]?.version ?? -1 });
          // Throwing rolls the revocation back with it: revoked means recorded.
          if (!outcome.ok) throw new Error(`cannot record the revocation on request ${record.requestId}: ${outcome.reason}`);
        }
        return true;
      }),
  };
}
