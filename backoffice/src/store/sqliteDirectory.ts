import type Database from 'better-sqlite3';
import type { DirectoryBody, ForwardAnswer } from '../../../src/domain/routing';
import type { MutationOutcome, RequestMutation } from './consoleTypes';
import { forwardOutboxMessage, type DirectoryStore, type ForwardEnqueueHook, type ForwardRow, type NewBody } from './directoryTypes';
import { enqueueInSqlite } from './sqliteOutbox';

const BODY_COLUMNS = `id, office_id AS officeId, kind, name_ar AS nameAr, name_fr AS nameFr, communes, email, endpoint,
  created_at AS createdAt, removed_at AS removedAt`;
const FORWARD_COLUMNS = `id, request_id AS requestId, office_id AS officeId, body_id AS bodyId, nonce, forwarded_at AS forwardedAt,
  due_at AS dueAt, sent_at AS sentAt, answered_at AS answeredAt, answer, document_type AS documentType`;

type BodyRecord = Omit<DirectoryBody, 'communes'> & { communes: string };
const toBody = (row: BodyRecord): DirectoryBody => ({ ...row, communes: JSON.parse(row.communes) as string[] });

/** The directory and forwards on SQLite; the mutation is the console's own, nested in this transaction. */
export function sqliteDirectory(db: Database.Database, mutateRequestNow: (mutation: RequestMutation) => MutationOutcome): DirectoryStore {
  let hook: ForwardEnqueueHook | null = null;
  const forwardById = (id: string) => db.prepare<[string], ForwardRow>(`SELECT ${FORWARD_COLUMNS} FROM request_forwards WHERE id = ?`).get(id) ?? null;

  const mutateAndForward = db.transaction((mutation: RequestMutation, forward: Parameters<DirectoryStore['mutateAndForward']>[1]) => {
    const outcome = mutateRequestNow(mutation);
    if (!outcome.ok || !forward) return { outcome, row: null };
    db.prepare(
      `INSERT INTO request_forwards (id, request_id, office_id, body_id, nonce, forwarded_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (request_id, body_id) DO NOTHING`,
    ).run(forward.id, mutation.requestId, mutation.officeId, forward.bodyId, forward.nonce, mutation.at, forward.dueAt);
    const row = forwardById(forward.id);
    // A request is forwarded to a body once; a second acceptance (impossible by the transitions) adds nothing.
    if (!row) return { outcome, row: null };
    const body = db.prepare<[string], BodyRecord>(`SELECT ${BODY_COLUMNS} FROM routing_bodies WHERE id = ?`).get(row.bodyId)!;
    enqueueInSqlite(db, forwardOutboxMessage(row, toBody(body)));
    if (hook) {
      const result = hook(row, db);
      if (result instanceof Promise) throw new Error('the SQLite outbox hook must be synchronous (it runs inside the transaction)');
    }
    return { outcome, row };
  });

  const answer = db.transaction((input: Parameters<DirectoryStore['answerForward']>[0]) => {
    const forward = forwardById(input.forwardId);
    if (!forward || forward.nonce !== input.nonce) return { ok: false as const, reason: 'notFound' as const };
    if (forward.answeredAt !== null) return { ok: false as const, reason: 'used' as const };
    const version = db.prepare<[string], number>('SELECT version FROM requests WHERE id = ?').pluck().get(forward.requestId);
    if (version === undefined) return { ok: false as const, reason: 'notFound' as const };
    const mutated = mutateRequestNow({ ...input.mutation, expectedVersion: version });
    if (!mutated.ok) return { ok: false as const, reason: 'statusChanged' as const };
    db.prepare('UPDATE request_forwards SET answered_at = ?, answer = ?, document = ?, document_type = ? WHERE id = ? AND answered_at IS NULL').run(
      input.at,
      input.answer satisfies ForwardAnswer,
      input.document?.bytes ?? null,
      input.document?.type ?? null,
      forward.id,
    );
    return { ok: true as const, mutation: mutated };
  });

  return {
    addBody: async (body: NewBody) => {
      db.prepare(
        `INSERT INTO routing_bodies (id, office_id, kind, name_ar, name_fr, communes, email, endpoint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(body.id, body.officeId, body.kind, body.nameAr, body.nameFr, JSON.stringify(body.communes), body.email, body.endpoint, body.createdAt);
      return toBody(db.prepare<[string], BodyRecord>(`SELECT ${BODY_COLUMNS} FROM routing_bodies WHERE id = ?`).get(body.id)!);
    },
    listBodies: async (officeId, includeRemoved = false) =>
      db
        .prepare<[string], BodyRecord>(
          `SELECT ${BODY_COLUMNS} FROM routing_bodies WHERE office_id = ? ${includeRemoved ? '' : 'AND removed_at IS NULL'} ORDER BY kind, name_fr, id`,
        )
        .all(officeId)
        .map(toBody),
    getBody: async (officeId, bodyId) => {
      const row = db.prepare<[string, string], BodyRecord>(`SELECT ${BODY_COLUMNS} FROM routing_bodies WHERE id = ? AND office_id = ?`).get(bodyId, officeId);
      return row ? toBody(row) : null;
    },
    removeBody: async (officeId, bodyId, at) =>
      db.prepare('UPDATE routing_bodies SET removed_at = ? WHERE id = ? AND office_id = ? AND removed_at IS NULL').run(at, bodyId, officeId).changes === 1,

    mutateAndForward: async (mutation, forward) => {
      const { outcome, row } = mutateAndForward.immediate(mutation, forward);
      return { ...outcome, forward: row };
    },
    getForward: async (forwardId) => forwardById(forwardId),
    forwardsOf: async (officeId, requestId) =>
      db
        .prepare<[string, string], ForwardRow>(`SELECT ${FORWARD_COLUMNS} FROM request_forwards WHERE office_id = ? AND request_id = ? ORDER BY forwarded_at DESC, id`)
        .all(officeId, requestId),
    openForwards: async (officeId, limit) =>
      db
        .prepare<[string, number], ForwardRow>(
          `SELECT ${FORWARD_COLUMNS} FROM request_forwards WHERE office_id = ? AND answered_at IS NULL ORDER BY forwarded_at, id LIMIT ?`,
        )
        .all(officeId, limit),
    markForwardSent: async (forwardId, at) => {
      db.prepare('UPDATE request_forwards SET sent_at = ? WHERE id = ? AND sent_at IS NULL').run(at, forwardId);
    },
    answerForward: async (input) => answer.immediate(input),
    forwardDocument: async (officeId, forwardId) => {
      const row = db
        .prepare<[string, string], { bytes: Buffer | null; type: string | null }>(
          'SELECT document AS bytes, document_type AS type FROM request_forwards WHERE id = ? AND office_id = ?',
        )
        .get(forwardId, officeId);
      return row?.bytes && row.type ? { bytes: row.bytes, type: row.type } : null;
    },
    purgeForwardDocuments: async () => db.prepare('UPDATE request_forwards SET document = NULL WHERE document IS NOT NULL AND request_id IN (SELECT id FROM requests WHERE purged_at IS NOT NULL)').run().changes,
    onForward: (next) => {
      hook = next;
    },
  };
}
