import { describe, expect, it } from 'vitest';
import type { OfficeIdentity } from '../../src/domain/officeIdentity';
import type { Heartbeat } from '../../src/domain/heartbeat';
import type { ChangesResponse } from '../../src/domain/syncProtocol';
import { loadOfficeIdentity } from '../../src/storage/officeIdentity';
import { appendAudit, unsyncedAudit } from '../../src/storage/audit';
import { readPullCursor, applyChanges } from '../../src/storage/statuses';
import { createCycleSteps } from '../../src/sync/cycleSteps';
import { SyncError } from '../../src/sync/syncError';
import type { AuditEntryWire, Transport } from '../../src/sync/transport';
import { T0, enqueueMany, freshDb, storedItem } from '../storage/support';

/** A transport whose answers the test writes; every call is recorded. */
function scriptedTransport(answers: {
  changes?: ChangesResponse;
  pushed?: AuditEntryWire[][];
  items?: string[][];
  heartbeats?: Heartbeat[];
  heartbeatFails?: boolean;
  identity?: OfficeIdentity;
  identityAsked?: number[];
}): Transport {
  return {
    enrol: async () => Promise.reject(new Error('not used')),
    push: async (items) => {
      answers.items?.push(items.map((item) => item.id));
      return { results: items.map((item) => ({ id: item.id, outcome: 'accepted' as const })) };
    },
    changes: async () => answers.changes ?? { changes: [], cursor: 0, more: false, highWater: 0 },
    catalogue: async () => null,
    officeIdentity: async (since) => {
      answers.identityAsked?.push(since);
      return answers.identity && answers.identity.version > since ? answers.identity : null;
    },
    pushAudit: async (entries) => {
      answers.pushed?.push([...entries]);
    },
    heartbeat: async (heartbeat) => {
      if (answers.heartbeatFails) throw new SyncError('badRequest', 'HTTP 404');
      answers.heartbeats?.push(heartbeat);
    },
    promptRecordings: async () => [],
    promptRecording: async () => Promise.reject(new Error('not used')),
    uploadPromptRecording: async () => Promise.reject(new Error('not used')),
    deletePromptRecording: async () => Promise.reject(new Error('not used')),
  };
}

const signal = new AbortController().signal;

describe('the steps of a sync cycle', () => {
  it("pulls the office's identity with the catalogue, keeps a newer one, and then asks from its version", async () => {
    const db = freshDb();
    const identity: OfficeIdentity = { version: 3, names: { ar: 'ملحقة بركان', zgh: 'ⵜⴰⵏⵎⵍⵜ ⵏ ⴱⵔⴽⴰⵏ', fr: 'Annexe Berkane', en: 'Berkane annex' }, logo: null };
    const identityAsked: number[] = [];
    const steps = createCycleSteps({ db, now: () => T0, transport: async () => scriptedTransport({ identity, identityAsked }) });
    await steps.refreshCatalogue(signal);
    expect(await loadOfficeIdentity(db)).toEqual(identity);
    await steps.refreshCatalogue(signal);
    expect(identityAsked).toEqual([0, 3]);
  });

  it('refuses a changes page whose cursor goes backwards, and keeps its own cursor', async () => {
    const db = freshDb();
    await applyChanges(db, [], 40);
    const steps = createCycleSteps({ db, now: () => T0, transport: async () => scriptedTransport({ changes: { changes: [], cursor: 12, more: false, highWater: 50 } }) });
    const error = await steps.pullChanges(signal).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).reason).toBe('invalidResponse');
    expect(await readPullCursor(db)).toBe(40);
  });

  it('refuses a page that says "more" without moving the cursor, instead of looping', async () => {
    const db = freshDb();
    await applyChanges(db, [], 7);
    const steps = createCycleSteps({ db, now: () => T0, transport: async () => scriptedTransport({ changes: { changes: [], cursor: 7, more: true, highWater: 9 } }) });
    await expect(steps.pullChanges(signal)).rejects.toMatchObject({ reason: 'invalidResponse' });
  });

  it('rejects on the kiosk a stored request damaged on disk, alone, and sends the others', async () => {
    const db = freshDb();
    const [good, damaged, other] = await enqueueMany(db, 3);
    await db.outbox.update(damaged!.id, { request: { ...damaged!.request!, identity: { ...damaged!.request!.identity, cin: '12' } } });
    const sent: string[][] = [];
    const steps = createCycleSteps({ db, now: () => T0, transport: async () => scriptedTransport({ items: sent }) });
    await steps.pushBatch(signal);
    expect(sent).toEqual([[good!.id, other!.id]]);
    expect(await storedItem(db, damaged!.id)).toMatchObject({ state: 'rejected', rejection: { reason: 'invalidStored', errors: [{ path: 'identity.cin', code: 'invalid_format' }] } });
  });

  it('does not let an audit entry the protocol cannot carry block the others', async () => {
    const db = freshDb();
    const good = await appendAudit(db, 'supervisor.unlock', '', T0);
    await db.audit.add({ id: 'not-a-uuid', at: T0 + 1, action: 'broken', detail: '', synced: 0 });
    const pushed: AuditEntryWire[][] = [];
    const steps = createCycleSteps({ db, now: () => T0, transport: async () => scriptedTransport({ pushed }) });
    expect(await steps.pushAudit(signal)).toEqual({ more: false });
    expect(pushed).toEqual([[{ id: good.id, at: new Date(T0).toISOString(), action: 'supervisor.unlock', detail: '' }]]);
    expect(await unsyncedAudit(db, 10)).toEqual([]);
    expect(await db.audit.get('not-a-uuid')).toMatchObject({ action: 'broken' });
  });

  it('ends a cycle with a heartbeat of figures only: queue depth, oldest age, last success and error, printer, storage', async () => {
    const db = freshDb();
    await enqueueMany(db, 3);
    const heartbeats: Heartbeat[] = [];
    const facts = {
      appVersion: async () => '0.1.0',
      printer: () => 'noPrinter' as const,
      freeStorageBytes: async () => 5_000_000,
      lastError: () => ({ reason: 'network', at: T0 - 60_000 }),
    };
    const steps = createCycleSteps({ db, now: () => T0 + 90_000, heartbeatFacts: facts, transport: async () => scriptedTransport({ heartbeats }) });
    await steps.finishCycle(signal);
    expect(heartbeats).toHaveLength(1);
    expect(heartbeats[0]).toMatchObject({
      appVersion: '0.1.0',
      queueDepth: 3,
      rejectedCount: 0,
      lastSuccessAt: new Date(T0 + 90_000).toISOString(),
      lastError: { reason: 'network', at: new Date(T0 - 60_000).toISOString() },
      printer: 'noPrinter',
      freeStorageBytes: 5_000_000,
      sentAt: new Date(T0 + 90_000).toISOString(),
    });
    expect(heartbeats[0]!.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(90);
    // Figures only: the heartbeat has exactly the protocol's keys, none of which carries a request.
    expect(Object.keys(heartbeats[0]!).sort()).toEqual(
      ['appVersion', 'freeStorageBytes', 'lastError', 'lastSuccessAt', 'oldestPendingAgeSeconds', 'printer', 'queueDepth', 'rejectedCount', 'sentAt'],
    );
  });

  it('finishes the cycle even when the back office refuses the heartbeat', async () => {
    const db = freshDb();
    const facts = { appVersion: async () => 'weird version!', printer: () => 'unknown' as const, freeStorageBytes: async () => null, lastError: () => null };
    const steps = createCycleSteps({ db, now: () => T0, heartbeatFacts: facts, transport: async () => scriptedTransport({ heartbeatFails: true }) });
    await expect(steps.finishCycle(signal)).resolves.toBeUndefined();
    const sent: Heartbeat[] = [];
    await createCycleSteps({ db, now: () => T0, heartbeatFacts: facts, transport: async () => scriptedTransport({ heartbeats: sent }) }).finishCycle(signal);
    expect([sent[0]!.appVersion, sent[0]!.queueDepth, sent[0]!.oldestPendingAgeSeconds]).toEqual(['unknown', 0, null]);
  });
});
