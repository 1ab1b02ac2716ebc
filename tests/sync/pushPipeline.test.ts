import { describe, expect, it } from 'vitest';
import type { CitizenRequest } from '../../src/domain/request';
import type { PushResponse } from '../../src/domain/syncProtocol';
import { inFlightIds } from '../../src/storage/inFlight';
import { listOutbox } from '../../src/storage/outboxSupervision';
import { nextBatch, requeueInFlight } from '../../src/storage/outboxSync';
import { saveSettings } from '../../src/storage/settings';
import { createPushPipeline } from '../../src/sync/pushPipeline';
import { SyncError } from '../../src/sync/syncError';
import type { Transport } from '../../src/sync/transport';
import { T0, enqueueMany, freshDb, storedItems } from '../storage/support';

/**
 * A back office that upserts by id (a resend is answered `duplicate`) and records the ids of each call.
 */
class RecordingBackoffice {
  readonly stored = new Set<string>();
  readonly calls: Array<{ ids: string[] }> = [];
  /** Answers the test controls: by default every call is answered at once. */
  answer: (call: number, items: readonly CitizenRequest[]) => Promise<PushResponse> = async (_call, items) => this.upsert(items);

  upsert(items: readonly CitizenRequest[]): PushResponse {
    return {
      results: items.map((item) => {
        const known = this.stored.has(item.id);
        this.stored.add(item.id);
        return { id: item.id, outcome: known ? ('duplicate' as const) : ('accepted' as const) };
      }),
    };
  }

  transport(): Transport {
    return {
      enrol: async () => Promise.reject(new Error('not used')),
      push: async (items) => {
        this.calls.push({ ids: items.map((item) => item.id) });
        return this.answer(this.calls.length, items);
      },
      changes: async () => Promise.reject(new Error('not used')),
      catalogue: async () => null,
      officeIdentity: async () => null,
      heartbeat: async () => undefined,
      pushAudit: async () => undefined,
      promptRecordings: async () => [],
      promptRecording: async () => Promise.reject(new Error('not used')),
      uploadPromptRecording: async () => Promise.reject(new Error('not used')),
      deletePromptRecording: async () => Promise.reject(new Error('not used')),
    };
  }
}

const signal = new AbortController().signal;

async function setUp(count: number, batchSize: number) {
  const db = freshDb();
  await saveSettings(db, { syncBatchSize: batchSize });
  const items = await enqueueMany(db, count);
  const backoffice = new RecordingBackoffice();
  const push = createPushPipeline({ db, now: () => T0, transport: async () => backoffice.transport() });
  // As staff see them, oldest first: an item on the wire is `sending`.
  const states = async () => (await listOutbox(db, { offset: 0, limit: 100 })).reverse().map((item) => item.state);
  return { db, items, backoffice, push, states };
}

async function drain(push: (signal: AbortSignal) => Promise<{ more: boolean }>): Promise<number> {
  let calls = 1;
  while ((await push(signal)).more) calls += 1;
  return calls;
}

describe('pushing the outbox with the next batch taken while one is on the wire', () => {
  it('sends batch after batch in kiosk-sequence order, one call at a time, and acknowledges every item once', async () => {
    const { items, backoffice, push, states } = await setUp(7, 3);
    await drain(push);
    expect(backoffice.calls.map((call) => call.ids)).toEqual([items.slice(0, 3), items.slice(3, 6), items.slice(6)].map((batch) => batch.map((item) => item.id)));
    expect(await states()).toEqual(Array(7).fill('synced'));
  });

  it('takes the next batch in flight while the one before is still on the wire, and no more', async () => {
    const { backoffice, push, states } = await setUp(7, 3);
    let answerFirst = (): void => undefined;
    backoffice.answer = async (call, items) =>
      call === 1 ? new Promise<PushResponse>((resolve) => (answerFirst = () => resolve(backoffice.upsert(items)))) : backoffice.upsert(items);
    const first = push(signal);
    await expect.poll(states).toEqual(['sending', 'sending', 'sending', 'sending', 'sending', 'sending', 'queued']);
    expect(backoffice.calls).toHaveLength(1);
    answerFirst();
    expect(await first).toEqual({ more: true });
    await drain(push);
    expect(await states()).toEqual(Array(7).fill('synced'));
  });

  it('writes every answer before it reports the end of the drain', async () => {
    const { push, states } = await setUp(6, 3);
    expect(await push(signal)).toEqual({ more: true });
    expect(await push(signal)).toEqual({ more: true });
    expect(await push(signal)).toEqual({ more: false });
    expect(await states()).toEqual(Array(6).fill('synced'));
  });

  it('puts the batch on the wire and the one taken early back in the queue when a call fails, keeping the answers it had', async () => {
    const { backoffice, push, states, db } = await setUp(9, 3);
    backoffice.answer = async (call, items) => {
      if (call === 2) throw new SyncError('server', 'HTTP 503', { status: 503 });
      return backoffice.upsert(items);
    };
    expect(await push(signal)).toEqual({ more: true });
    await expect(push(signal)).rejects.toMatchObject({ reason: 'server' });
    expect(await states()).toEqual(['synced', 'synced', 'synced', 'queued', 'queued', 'queued', 'queued', 'queued', 'queued']);
    expect((await storedItems(db)).slice(3).map((item) => item.lastError)).toEqual(Array(6).fill('server'));
    await drain(push);
    expect(await states()).toEqual(Array(9).fill('synced'));
    expect(backoffice.stored.size).toBe(9);
  });

  it('leaves the answers it holds between calls recorded in flight, so a crash resends them and they come back `duplicate`', async () => {
    const { db, backoffice, push, states } = await setUp(6, 3);
    expect(await push(signal)).toEqual({ more: true });
    // The kiosk dies here: batch 1 was answered but its answers are only in memory; batch 2 was taken early.
    expect(await states()).toEqual(Array(6).fill('sending'));
    expect(await requeueInFlight(db)).toBe(6);
    const relaunched = createPushPipeline({ db, now: () => T0, transport: async () => backoffice.transport() });
    await drain(relaunched);
    expect(await states()).toEqual(Array(6).fill('synced'));
    expect(backoffice.stored.size).toBe(6);
    expect(backoffice.calls.map((call) => call.ids.length)).toEqual([3, 3, 3]);
  });

  it('starts a drain by requeueing what a runner that stopped left in flight, and sends each of those items once', async () => {
    const { db, items, backoffice, push, states } = await setUp(5, 3);
    // Another runner (a window since closed) took the first three and died before any answer.
    await nextBatch(db, 3);
    await drain(push);
    expect(backoffice.calls.map((call) => call.ids)).toEqual([items.slice(0, 3), items.slice(3)].map((batch) => batch.map((item) => item.id)));
    expect(await states()).toEqual(Array(5).fill('synced'));
    expect((await storedItems(db)).map((item) => item.attempts)).toEqual([2, 2, 2, 1, 1]);
  });

  it('halves its batches after a 413 and requeues what it had taken early', async () => {
    const { backoffice, push, states } = await setUp(8, 4);
    backoffice.answer = async (call, items) => {
      if (call === 1) throw new SyncError('badRequest', 'HTTP 413', { status: 413 });
      return backoffice.upsert(items);
    };
    await expect(push(signal)).rejects.toMatchObject({ reason: 'badRequest' });
    expect(await states()).toEqual(Array(8).fill('queued'));
    await drain(push);
    expect(backoffice.calls.slice(1).map((call) => call.ids.length)).toEqual([2, 2, 2, 2]);
    expect(await states()).toEqual(Array(8).fill('synced'));
  });

  it('gives up a call whose signal was aborted and leaves nothing in flight', async () => {
    const { push, states } = await setUp(4, 2);
    const aborted = new AbortController();
    aborted.abort(new SyncError('timeout', 'watchdog'));
    await expect(push(aborted.signal)).rejects.toMatchObject({ reason: 'timeout' });
    expect(await states()).toEqual(Array(4).fill('queued'));
  });

  it('gives up a call abandoned after its answer came: writes that answer, requeues the batch taken early, leaves nothing in flight', async () => {
    const { db, backoffice, push, states } = await setUp(4, 2);
    const watchdog = new AbortController();
    backoffice.answer = async (_call, items) => {
      // The watchdog fires while the answer is on its way back: the machine has already moved on.
      watchdog.abort(new SyncError('timeout', 'watchdog'));
      return backoffice.upsert(items);
    };
    await expect(push(watchdog.signal)).rejects.toMatchObject({ reason: 'timeout' });
    expect(await inFlightIds(db)).toEqual(new Set());
    expect(await states()).toEqual(['synced', 'synced', 'queued', 'queued']);
    backoffice.answer = async (_call, items) => backoffice.upsert(items);
    await drain(push);
    expect(await states()).toEqual(Array(4).fill('synced'));
    expect(backoffice.stored.size).toBe(4);
  });

  it('takes a supervisor\'s larger batch size a batch or two later, without ending the drain early', async () => {
    const { db, backoffice, push, states } = await setUp(9, 2);
    expect(await push(signal)).toEqual({ more: true });
    await saveSettings(db, { syncBatchSize: 5 });
    await drain(push);
    expect(backoffice.calls.map((call) => call.ids.length)).toEqual([2, 2, 2, 3]);
    expect(await states()).toEqual(Array(9).fill('synced'));
  });
});
