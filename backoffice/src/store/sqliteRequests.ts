import type Database from 'better-sqlite3';
import type { RemoteStatus } from '../../../src/domain/status';
import { dueAt, FINAL_STATUSES, officeHighWater, toStatusChange, type ChangeRow, type HighWaterFacts } from './requestRows';
import { sameStoredBody, sha256Hex as sha256, type StoredBody } from './storedBody';
import { MAX_CLAIMED_PREFIXES, type ChangesPage, type PurgeInput, type PushInput, type RequestSummary, type StatusAppend, type StatusAppendOutcome, type StoredPushOutcome } from './types';
import { purgeOutboxInSqlite } from './sqliteOutbox';

/**
 * Requests and their status log on SQLite. Statements are prepared once; each write runs in one
 * IMMEDIATE transaction (the write lock is taken up front, so two writers never deadlock on upgrade).
 */
export function sqliteRequests(db: Database.Database) {
  const selectBody = db.prepare<[string], StoredBody & { officeId: string }>('SELECT office_id AS officeId, body, body_sha256 AS bodySha256, purged_at AS purgedAt FROM requests WHERE id = ?');
  // Finished: the status is final, and its last change is older than the cutoff (ISO times sort as text).
  const selectPurgeable = db.prepare<string[], { id: string; body: string; trackingCode: string }>(
    `SELECT r.id, r.body, r.tracking_code AS trackingCode FROM requests r
     WHERE r.purged_at IS NULL AND r.status IN (${FINAL_STATUSES.map(() => '?').join(', ')})
       AND (SELECT MAX(c.changed_at) FROM status_changes c WHERE c.request_id = r.id) <= ?`,
  );
  // The status proof's verifier goes with the body: it is derived from the CIN and the birth date.
  const purgeBody = db.prepare("UPDATE requests SET body = '', body_sha256 = ?, purged_at = ?, status_proof = NULL WHERE id = ?");
  // A refusal reason is free text staff typed about the citizen: it goes with the body, from the
  // change feed and from the console's timeline alike.
  const purgeReasons = db.prepare('UPDATE status_changes SET reason = NULL WHERE request_id = ? AND reason IS NOT NULL');
  const purgeEventReasons = db.prepare('UPDATE request_events SET reason = NULL WHERE request_id = ? AND reason IS NOT NULL');
  // Audit details are free text from kiosks (a discard reason, a tracking code): emptied after the same retention.
  const purgeAudit = db.prepare("UPDATE audit_entries SET detail = '', purged_at = ? WHERE purged_at IS NULL AND received_at <= ?");
  // A purged request stays findable by its tracking code alone; a proxy's name and CIN leave with the rest.
  const purgeTerms = db.prepare("DELETE FROM request_search_terms WHERE request_id = ? AND term <> lower(replace(?, '-', ''))");
  const purgeCollector = db.prepare("UPDATE request_events SET detail = '{}' WHERE request_id = ? AND kind = 'collected'");
  const insertRequest = db.prepare(
    `INSERT INTO requests (id, office_id, device_id, kiosk_seq, tracking_code, service_id, body, status, received_at, status_at, due_at, clock_flag, status_proof, search_indexed, channel, portal_account_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const selectPrefixOwner = db.prepare<[string], { deviceId: string; officeId: string; revokedAt: string | null }>(
    `SELECT p.device_id AS deviceId, p.office_id AS officeId, d.revoked_at AS revokedAt
     FROM tracking_prefixes p JOIN devices d ON d.id = p.device_id WHERE p.prefix = ?`,
  );
  const countClaims = db.prepare<[string], number>('SELECT COUNT(*) FROM tracking_prefixes WHERE device_id = ? AND issued = 0').pluck();
  const insertClaim = db.prepare(
    'INSERT INTO tracking_prefixes (prefix, device_id, office_id, claimed_at, issued) VALUES (?, ?, ?, ?, 0)',
  );
  const insertChange = db.prepare(
    'INSERT INTO status_changes (request_id, office_id, status, reason, reason_code, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // The console's timeline and office feed (migration 005): every status change is an event too.
  const insertEvent = db.prepare(
    'INSERT INTO request_events (request_id, office_id, kind, at, staff_id, status, reason_code, reason) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)',
  );
  const insertTerm = db.prepare('INSERT INTO request_search_terms (office_id, term, request_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const selectDeviceSeq = db.prepare<[string], number>('SELECT last_kiosk_seq FROM devices WHERE id = ?').pluck();
  const updateDeviceSeq = db.prepare(
    `UPDATE devices SET last_kiosk_seq = ?, kiosk_seq_gaps = kiosk_seq_gaps + ?, kiosk_seq_replays = kiosk_seq_replays + ?
     WHERE id = ?`,
  );
  const selectChanges = db.prepare<[string, number, number], ChangeRow>(
    `SELECT c.seq, c.request_id AS requestId, r.tracking_code AS trackingCode, c.status, c.reason, c.reason_code AS reasonCode,
        c.changed_at AS changedAt, r.status_proof AS proof
     FROM status_changes c JOIN requests r ON r.id = c.request_id
     WHERE c.office_id = ? AND c.seq > ? ORDER BY c.seq LIMIT ?`,
  );
  const selectHighWater = db.prepare<[string], HighWaterFacts>(
    `SELECT (SELECT COALESCE(MAX(seq), 0) FROM status_changes WHERE office_id = ?) AS officeHigh,
            (SELECT COALESCE(MAX(seq), 0) FROM status_changes) AS anyHigh`,
  );
  // Through the prefix's office: a copy of the code pushed from another office (before prefixes were bound) is never
  // found. Within the office, the owner's row first, then a re-enrolled kiosk's (see ownsPrefix). A portal
  // installation's prefix belongs to the reserved office `_portal` (migration 011): found through its owner.
  const selectByTrackingCode = db.prepare<[string], RequestSummary>(
    `SELECT r.id, r.office_id AS officeId, r.tracking_code AS trackingCode, r.status
     FROM requests r JOIN tracking_prefixes p ON p.prefix = substr(r.tracking_code, 1, 3) AND (p.office_id = r.office_id OR p.device_id = r.device_id)
     WHERE r.tracking_code = ?
     ORDER BY CASE WHEN r.device_id = p.device_id THEN 0 ELSE 1 END, r.received_at, r.id LIMIT 1`,
  );
  const selectStatus = db.prepare<[string], { status: RemoteStatus; officeId: string; trackingCode: string }>(
    'SELECT status, office_id AS officeId, tracking_code AS trackingCode FROM requests WHERE id = ?',
  );
  const updateStatus = db.prepare('UPDATE requests SET status = ?, status_at = ?, version = version + 1 WHERE id = ?');

  /** Counts gaps and replays of the kiosk's own sequence; a rejected item advances it like any other. */
  function trackKioskSeqs(deviceId: string, kioskSeqs: readonly number[]): void {
    let last = selectDeviceSeq.get(deviceId) ?? 0;
    let gaps = 0;
    let replays = 0;
    for (const seq of kioskSeqs) {
      if (seq <= last) replays++;
      else {
        if (seq > last + 1) gaps++;
        last = seq;
      }
    }
    updateDeviceSeq.run(last, gaps, replays, deviceId);
  }

  /**
   * The prefix is the device's (issued, or claimed earlier), or free and claimed now within the
   * device's share, or it belonged to a REVOKED kiosk of the same office: a kiosk re-enrolled after
   * its old token was revoked still delivers what it queued under its former prefix, and the
   * revoked device can no longer push, so no live kiosk's codes can be taken that way.
   */
  function ownsPrefix(input: PushInput, prefix: string): boolean {
    const owner = selectPrefixOwner.get(prefix);
    if (owner !== undefined) return owner.deviceId === input.deviceId || (owner.officeId === input.officeId && owner.revokedAt !== null);
    if ((countClaims.get(input.deviceId) ?? 0) >= MAX_CLAIMED_PREFIXES) return false;
    insertClaim.run(prefix, input.deviceId, input.officeId, input.receivedAt);
    return true;
  }

  const push = db.transaction((input: PushInput): StoredPushOutcome[] => {
    trackKioskSeqs(input.deviceId, input.kioskSeqs);
    // A batch's codes nearly all share the kiosk's prefix: asked once per batch, not once per item. The answer cannot
    // change within the batch (a claim made now makes the prefix the device's; a refusal stays one).
    const prefixOwned = new Map<string, boolean>();
    const owns = (prefix: string) => {
      let owned = prefixOwned.get(prefix);
      if (owned === undefined) prefixOwned.set(prefix, (owned = ownsPrefix(input, prefix)));
      return owned;
    };
    return input.items.map(({ request, canonical, searchTerms, delayDays }): StoredPushOutcome => {
      const existing = selectBody.get(request.id);
      // Another office's request: saying duplicate or conflict would tell this device it exists.
      if (existing && existing.officeId !== input.officeId) return 'idNotOwned';
      if (existing) return sameStoredBody(existing, canonical) ? 'duplicate' : 'conflict';
      if (!owns(request.trackingCode.slice(0, 3))) return 'trackingPrefixNotOwned';
      const { changes } = insertRequest.run(
        request.id,
        input.officeId,
        input.deviceId,
        request.kioskSeq,
        request.trackingCode,
        request.serviceId,
        canonical,
        input.receivedAt,
        input.receivedAt,
        dueAt(input.receivedAt, delayDays),
        input.clockFlags?.get(request.id) ?? null,
        // In the row itself rather than by a second UPDATE of it: one write per request.
        request.statusProof ? JSON.stringify(request.statusProof) : null,
        searchTerms ? 1 : 0,
        input.portalAccountId === undefined ? 'kiosk' : 'portal',
        input.portalAccountId ?? null,
      );
      // The id is new, so the conflict is the device's own code used twice.
      if (changes === 0) return 'trackingCodeTaken';
      insertChange.run(request.id, input.officeId, 'received', null, null, input.receivedAt, `device:${input.deviceId}`);
      insertEvent.run(request.id, input.officeId, 'received', input.receivedAt, 'received', null, null);
      for (const term of searchTerms ?? []) insertTerm.run(input.officeId, term, request.id);
      return 'accepted';
    });
  });

  const readChanges = db.transaction((officeId: string, since: number, limit: number): ChangesPage => {
    const rows = selectChanges.all(officeId, since, limit + 1);
    const more = rows.length > limit;
    const changes = rows.slice(0, limit).map(toStatusChange);
    // The same rule as PostgreSQL's, where offices are numbered under separate locks (one contract).
    return { changes, more, highWater: officeHighWater(since, selectHighWater.get(officeId)!) };
  });

  const append = db.transaction((change: StatusAppend): StatusAppendOutcome => {
    const current = selectStatus.get(change.requestId);
    if (!current) throw new Error(`no request ${change.requestId}`);
    if (current.status !== change.expected) return { ok: false, current: current.status };
    const { lastInsertRowid } = insertChange.run(
      change.requestId,
      current.officeId,
      change.status,
      change.reason,
      change.reasonCode ?? null,
      change.at,
      change.by,
    );
    updateStatus.run(change.status, change.at, change.requestId);
    insertEvent.run(change.requestId, current.officeId, 'status', change.at, change.status, change.reasonCode ?? null, change.reason);
    return {
      ok: true,
      change: {
        seq: Number(lastInsertRowid),
        requestId: change.requestId,
        trackingCode: current.trackingCode,
        status: change.status,
        reason: change.reason,
        ...(change.reasonCode ? { reasonCode: change.reasonCode } : {}),
        changedAt: change.at,
      },
    };
  });

  const purge = db.transaction((input: PurgeInput): number => {
    const due = selectPurgeable.all(...FINAL_STATUSES, input.finishedBefore);
    for (const { id, body, trackingCode } of due) {
      purgeBody.run(sha256(body), input.at, id);
      purgeReasons.run(id);
      purgeEventReasons.run(id);
      purgeTerms.run(id, trackingCode);
      purgeCollector.run(id);
    }
    purgeAudit.run(input.at, input.finishedBefore);
    // The messages to the citizen hold their phone or address: they go with the body.
    purgeOutboxInSqlite(db, { requestIds: due.map((row) => row.id), finishedBefore: input.finishedBefore, at: input.at });
    return due.length;
  });

  return {
    pushRequests: (input: PushInput) => push.immediate(input),
    purgeFinishedRequests: (input: PurgeInput) => purge.immediate(input),
    // DEFERRED: a read transaction, so the page and the high-water mark come from one snapshot.
    changesSince: (officeId: string, since: number, limit: number) => readChanges.deferred(officeId, since, limit),
    findRequestByTrackingCode: (code: string) => selectByTrackingCode.get(code) ?? null,
    appendStatus: (change: StatusAppend) => append.immediate(change),
  };
}
