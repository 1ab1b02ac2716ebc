import type pg from 'pg';
import type { DirectoryBody } from '../../../../src/domain/routing';
import { forwardOutboxMessage, type DirectoryStore, type ForwardEnqueueHook, type ForwardRow, type NewBody } from '../directoryTypes';
import { enqueueInPostgres } from './pgOutbox';
import { mutateRequestIn } from './pgConsole';
import { inTransaction, type Queryable } from './pool';

const BODY_COLUMNS = `id, office_id AS "officeId", kind, name_ar AS "nameAr", name_fr AS "nameFr", communes, email, endpoint,
  created_at AS "createdAt", removed_at AS "removedAt"`;
const FORWARD_COLUMNS = `id, request_id AS "requestId", office_id AS "officeId", body_id AS "bodyId", nonce, forwarded_at AS "forwardedAt",
  due_at AS "dueAt", sent_at AS "sentAt", answered_at AS "answeredAt", answer, document_type AS "documentType"`;

type BodyRecord = Omit<DirectoryBody, 'communes'> & { communes: string };
const toBody = (row: BodyRecord): DirectoryBody => ({ ...row, communes: JSON.parse(row.communes) as string[] });

async function forwardById(client: Queryable, id: string, lock = false): Promise<ForwardRow | null> {
  const { rows } = await client.query<ForwardRow>(`SELECT ${FORWARD_COLUMNS} FROM request_forwards WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** The directory and forwards on PostgreSQL, one for one with sqliteDirectory.ts. */
export function pgDirectory(pool: pg.Pool): DirectoryStore {
  let hook: ForwardEnqueueHook | null = null;
  return {
    addBody: async (body: NewBody) => {
      const { rows } = await pool.query<BodyRecord>(
        `INSERT INTO routing_bodies (id, office_id, kind, name_ar, name_fr, communes, email, endpoint, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${BODY_COLUMNS}`,
        [body.id, body.officeId, body.kind, body.nameAr, body.nameFr, JSON.stringify(body.communes), body.email, body.endpoint, body.createdAt],
      );
      return toBody(rows[0]!);
    },
    listBodies: async (officeId, includeRemoved = false) =>
      (
        await pool.query<BodyRecord>(
          `SELECT ${BODY_COLUMNS} FROM routing_bodies WHERE office_id = $1 ${includeRemoved ? '' : 'AND removed_at IS NULL'} ORDER BY kind, name_fr, id`,
          [officeId],
        )
      ).rows.map(toBody),
    getBody: async (officeId, bodyId) => {
      const { rows } = await pool.query<BodyRecord>(`SELECT ${BODY_COLUMNS} FROM routing_bodies WHERE id = $1 AND office_id = $2`, [bodyId, officeId]);
      return rows[0] ? toBody(rows[0]) : null;
    },
    removeBody: async (officeId, bodyId, at) =>
      (await pool.query('UPDATE routing_bodies SET removed_at = $1 WHERE id = $2 AND office_id = $3 AND removed_at IS NULL', [at, bodyId, officeId]))
        .rowCount === 1,

    mutateAndForward: (mutation, forward) =>
      inTransaction(pool, async (client) => {
        const outcome = await mutateRequestIn(client, mutation);
        if (!outcome.ok || !forward) return { ...outcome, forward: null };
        await client.query(
          `INSERT INTO request_forwards (id, request_id, office_id, body_id, nonce, forwarded_at, due_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (request_id, body_id) DO NOTHING`,
          [forward.id, mutation.requestId, mutation.officeId, forward.bodyId, forward.nonce, mutation.at, forward.dueAt],
        );
        const row = await forwardById(client, forward.id);
        if (!row) return { ...outcome, forward: null };
        const { rows: bodies } = await client.query<BodyRecord>(`SELECT ${BODY_COLUMNS} FROM routing_bodies WHERE id = $1`, [row.bodyId]);
        await enqueueInPostgres(client, forwardOutboxMessage(row, toBody(bodies[0]!)));
        if (hook) await hook(row, client);
        return { ...outcome, forward: row };
      }),
    getForward: (forwardId) => forwardById(pool, forwardId),
    forwardsOf: async (officeId, requestId) =>
      (
        await pool.query<ForwardRow>(
          `SELECT ${FORWARD_COLUMNS} FROM request_forwards WHERE office_id = $1 AND request_id = $2 ORDER BY forwarded_at DESC, id`,
          [officeId, requestId],
        )
      ).rows,
    openForwards: async (officeId, limit) =>
      (
        await pool.query<ForwardRow>(
          `SELECT ${FORWARD_COLUMNS} FROM request_forwards WHERE office_id = $1 AND answered_at IS NULL ORDER BY forwarded_at, id LIMIT $2`,
          [officeId, limit],
        )
      ).rows,
    markForwardSent: async (forwardId, at) => {
      await pool.query('UPDATE request_forwards SET sent_at = $1 WHERE id = $2 AND sent_at IS NULL', [at, forwardId]);
    },
    answerForward: (input) =>
      inTransaction(pool, async (client) => {
        // The forward's row lock: two uses of one link at once answer once, the other sees it used.
        const forward = await forwardById(client, input.forwardId, true);
        if (!forward || forward.nonce !== input.nonce) return { ok: false as const, reason: 'notFound' as const };
        if (forward.answeredAt !== null) return { ok: false as const, reason: 'used' as const };
        const { rows } = await client.query<{ version: number }>('SELECT version FROM requests WHERE id = $1', [forward.requestId]);
        if (!rows[0]) return { ok: false as const, reason: 'notFound' as const };
        const mutated = await mutateRequestIn(client, { ...input.mutation, expectedVersion: rows[0].version });
        if (!mutated.ok) return { ok: false as const, reason: 'statusChanged' as const };
        await client.query('UPDATE request_forwards SET answered_at = $1, answer = $2, document = $3, document_type = $4 WHERE id = $5', [
          input.at,
          input.answer,
          input.document?.bytes ?? null,
          input.document?.type ?? null,
          forward.id,
        ]);
        return { ok: true as const, mutation: mutated };
      }),
    forwardDocument: async (officeId, forwardId) => {
      const { rows } = await pool.query<{ bytes: Buffer | null; type: string | null }>(
        'SELECT document AS bytes, document_type AS type FROM request_forwards WHERE id = $1 AND office_id = $2',
        [forwardId, officeId],
      );
      const row = rows[0];
      return row?.bytes && row.type ? { bytes: row.bytes, type: row.type } : null;
    },
    purgeForwardDocuments: async () => (await pool.query('UPDATE request_forwards SET document = NULL WHERE document IS NOT NULL AND request_id IN (SELECT id FROM requests WHERE purged_at IS NOT NULL)')).rowCount ?? 0,
    onForward: (next) => {
      hook = next;
    },
  };
}
