import { afterEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../../../backoffice/src/service/secrets';
import type { NewOutboxMessage } from '../../../backoffice/src/store/outboxTypes';
import type { Store } from '../../../backoffice/src/store/types';
import type { ContactChoice } from '../../../src/domain/contact';
import { canonicalRequestJson, type CitizenRequest } from '../../../src/domain/request';
import { makeRequest, testCatalogue } from '../fixtures';

/** Fresh, empty databases of one engine; `open` may be called again for a second instance on the same database. */
export interface OutboxEngine {
  name: string;
  freshDatabase(): Promise<{ open(): Promise<Store> }>;
}

const T0 = '2026-11-28T10:00:00.000Z';
const T1 = '2026-11-28T11:00:00.000Z';
const T2 = '2026-11-28T12:00:00.000Z';
const LATER = '2026-12-20T10:00:00.000Z';
const AGREED: ContactChoice = { agreed: true, notifyReceived: false, email: 'citizen@example.org' };

/**
 * The outbox's behaviour, written once and run on SQLite and PostgreSQL (as the store contract
 * is), through the Store interface only: notifications written with the status change whoever
 * makes it, idempotency, leases (claimed once, reclaimed after expiry, split across instances),
 * retry, give-up, and the office's scope.
 */
export function outboxContract(engine: OutboxEngine): void {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  let seq = 0;
  async function withRequest(contact: ContactChoice | undefined, overrides: Partial<CitizenRequest> = {}) {
    const database = await engine.freshDatabase();
    const open = async () => {
      const store = await database.open();
      opened.push(store);
      return store;
    };
    const store = await open();
    for (const id of ['north', 'south']) {
      await store.createOffice({ id, name: `Annexe ${id}`, createdAt: T0 });
      await store.importCatalogue(id, testCatalogue(), T0);
    }
    await store.createEnrolmentCode({ codeHash: hashSecret('code'), officeId: 'north', createdAt: T0, expiresAt: LATER });
    const enrolled = await store.redeemEnrolmentCode({
      codeHash: hashSecret('code'),
      now: T0,
      device: { id: 'device-1', label: 'Kiosk', tokenHash: hashSecret('token') },
      prefixCandidates: ['KPA'],
    });
    if (!enrolled.ok) throw new Error(enrolled.reason);
    const request = makeRequest(enrolled.device.trackingPrefix, ++seq, { ...(contact ? { contact } : {}), ...overrides });
    const outcome = await store.pushRequests({
      deviceId: enrolled.device.id,
      officeId: 'north',
      receivedAt: T0,
      kioskSeqs: [request.kioskSeq],
      items: [{ request, canonical: canonicalRequestJson(request) }],
    });
    expect(outcome).toEqual(['accepted']);
    return { store, another: open, request, prefix: enrolled.device.trackingPrefix };
  }

  async function claimAll(store: Store, owner = 'worker-a', now = T1, leaseUntil = T2) {
    return store.claimDueMessages({ owner, now, leaseUntil, limit: 100 });
  }

  const message = (key: string, at = T0): NewOutboxMessage => ({
    officeId: 'north',
    requestId: null,
    kind: 'forward',
    channel: 'email',
    recipient: 'commune@example.org',
    payload: { requestId: 'r', bodyId: 'b' },
    idempotencyKey: key,
    at,
  });

  describe(`the outbox on ${engine.name}`, () => {
    it('writes one message per channel when a request becomes ready, with the status change', async () => {
      const { store, request } = await withRequest(AGREED);
      expect(await claimAll(store)).toEqual([]);
      expect(await store.appendStatus({ requestId: request.id, expected: 'received', status: 'inReview', reason: null, at: T0, by: 'test' })).toMatchObject({ ok: true });
      expect(await claimAll(store)).toEqual([]);
      expect(await store.appendStatus({ requestId: request.id, expected: 'inReview', status: 'ready', reason: null, at: T0, by: 'test' })).toMatchObject({ ok: true });
      const claimed = await claimAll(store);
      expect(claimed.map((m) => [m.kind, m.channel, m.recipient, m.idempotencyKey]).sort()).toEqual([
        ['notification', 'email', 'citizen@example.org', `notification:${request.id}:ready:email`],
        ['notification', 'sms', '+212612345678', `notification:${request.id}:ready:sms`],
      ]);
      expect(claimed[0]!.payload).toEqual({ requestId: request.id, status: 'ready', locale: 'fr', trackingCode: request.trackingCode, reasonCode: null });
      expect(claimed.every((m) => m.officeId === 'north' && m.requestId === request.id && m.attempts === 1 && m.state === 'pending')).toBe(true);
    });

    it('writes the refusal with its reason category when the console refuses', async () => {
      const { store, request } = await withRequest({ agreed: true, notifyReceived: false }, { locale: 'ar' });
      await store.createStaffAccount({ id: 's1', login: 'l1', name: 'N', officeId: 'north', role: 'agent', activationHash: 'a', activationExpiresAt: LATER, createdAt: T0 });
      const outcome = await store.mutateRequest({
        requestId: request.id,
        officeId: 'north',
        expectedVersion: 0,
        staffId: 's1',
        at: T0,
        status: 'refused',
        event: { kind: 'status', reasonCode: 'missingDocuments', reason: null },
        audit: { action: 'request.status', detail: 'test' },
      });
      expect(outcome.ok).toBe(true);
      const claimed = await claimAll(store);
      // No e-mail was given: the SMS only.
      expect(claimed).toHaveLength(1);
      expect(claimed[0]).toMatchObject({ channel: 'sms', payload: { status: 'refused', reasonCode: 'missingDocuments', locale: 'ar' } });
    });

    it('tells `received` only to a citizen who asked for it', async () => {
      const asked = await withRequest({ agreed: true, notifyReceived: true, email: 'citizen@example.org' });
      expect((await claimAll(asked.store)).map((m) => m.idempotencyKey).sort()).toEqual([
        `notification:${asked.request.id}:received:email`,
        `notification:${asked.request.id}:received:sms`,
      ]);
    });

    it('writes the notifications of a whole pushed batch, for the citizens who asked only', async () => {
      const { store, prefix } = await withRequest(undefined);
      const asked = makeRequest(prefix, ++seq, { contact: { agreed: true, notifyReceived: true, email: 'citizen@example.org' } });
      const quiet = makeRequest(prefix, ++seq, { contact: AGREED });
      const alsoAsked = makeRequest(prefix, ++seq, { contact: { agreed: true, notifyReceived: true } });
      const batch = [asked, quiet, alsoAsked];
      const outcome = await store.pushRequests({
        deviceId: 'device-1',
        officeId: 'north',
        receivedAt: T0,
        kioskSeqs: batch.map((request) => request.kioskSeq),
        items: batch.map((request) => ({ request, canonical: canonicalRequestJson(request) })),
      });
      expect(outcome).toEqual(['accepted', 'accepted', 'accepted']);
      expect((await claimAll(store)).map((m) => m.idempotencyKey).sort()).toEqual(
        [`notification:${asked.id}:received:email`, `notification:${asked.id}:received:sms`, `notification:${alsoAsked.id}:received:sms`].sort(),
      );
    });

    it.each([
      ['no contact choice (an older kiosk)', undefined],
      ['a citizen who did not agree', { agreed: false, notifyReceived: true, email: 'citizen@example.org' }],
    ] as const)('writes nothing for %s', async (_, contact) => {
      const { store, request } = await withRequest(contact);
      await store.appendStatus({ requestId: request.id, expected: 'received', status: 'ready', reason: null, at: T0, by: 'test' });
      expect(await claimAll(store)).toEqual([]);
      expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 0, failed: 0 });
    });

    it('writes nothing to a citizen without phone or e-mail', async () => {
      const { store, request } = await withRequest({ agreed: true, notifyReceived: true }, { identity: { ...makeRequest('KPA', 1).identity, phone: '' } });
      await store.appendStatus({ requestId: request.id, expected: 'received', status: 'ready', reason: null, at: T0, by: 'test' });
      expect(await claimAll(store)).toEqual([]);
    });

    it('keeps one message per idempotency key', async () => {
      const { store } = await withRequest(undefined);
      expect(await store.enqueueMessage(message('forward:r:b'))).toBe('enqueued');
      expect(await store.enqueueMessage({ ...message('forward:r:b'), recipient: 'other@example.org' })).toBe('exists');
      const claimed = await claimAll(store);
      expect(claimed).toHaveLength(1);
      expect(claimed[0]!.recipient).toBe('commune@example.org');
    });

    it('hands a message to one claim while its lease runs, and again once it expired', async () => {
      const { store } = await withRequest(undefined);
      await store.enqueueMessage(message('m1'));
      expect(await claimAll(store, 'worker-a', T1, T2)).toHaveLength(1);
      expect(await claimAll(store, 'worker-b', T1, T2)).toEqual([]);
      // worker-a died: past its lease, worker-b takes it, and the attempt is counted.
      const reclaimed = await claimAll(store, 'worker-b', T2, LATER);
      expect(reclaimed).toMatchObject([{ leaseOwner: 'worker-b', attempts: 2 }]);
      // The old owner can no longer reschedule or fail it; sent is a fact from either.
      expect(await store.markMessageRetry({ id: reclaimed[0]!.id, owner: 'worker-a', error: 'x', nextAttemptAt: T2 })).toBe(false);
      expect(await store.markMessageFailed({ id: reclaimed[0]!.id, owner: 'worker-a', error: 'x', at: T2 })).toBe(false);
      expect(await store.markMessageSent({ id: reclaimed[0]!.id, owner: 'worker-a', at: T2 })).toBe(true);
      expect(await store.markMessageSent({ id: reclaimed[0]!.id, owner: 'worker-b', at: T2 })).toBe(false);
      expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 1, failed: 0 });
    });

    it('reschedules a retry and gives up a failed message', async () => {
      const { store } = await withRequest(undefined);
      await store.enqueueMessage(message('m1'));
      await store.enqueueMessage(message('m2'));
      const [first, second] = await claimAll(store);
      expect(await store.markMessageRetry({ id: first!.id, owner: 'worker-a', error: 'smtp_421', nextAttemptAt: T2 })).toBe(true);
      expect(await store.markMessageFailed({ id: second!.id, owner: 'worker-a', error: 'smtp_550', at: T1 })).toBe(true);
      // Not due before its next attempt, even with no lease.
      expect(await claimAll(store, 'worker-a', T1, T2)).toEqual([]);
      expect(await claimAll(store, 'worker-a', T2, LATER)).toMatchObject([{ id: first!.id, attempts: 2, lastError: 'smtp_421' }]);
      expect(await store.outboxCounts()).toEqual({ pending: 1, sent: 0, failed: 1 });
    });

    it('splits due messages between two instances claiming at once, never giving one to both', async () => {
      const { store, another } = await withRequest(undefined);
      for (let i = 0; i < 40; i++) await store.enqueueMessage(message(`m${i}`));
      const second = await another();
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? second : store).claimDueMessages({ owner: `w${i}`, now: T1, leaseUntil: T2, limit: 7 })),
      );
      const ids = claims.flat().map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(40);
    });

    it("lists a request's messages to its own office only, without recipient or text", async () => {
      const { store, request } = await withRequest(AGREED);
      await store.appendStatus({ requestId: request.id, expected: 'received', status: 'ready', reason: null, at: T0, by: 'test' });
      const listed = await store.messagesOfRequest('north', request.id);
      expect(listed.map((m) => [m.channel, m.state, m.attempts])).toEqual([
        ['sms', 'pending', 0],
        ['email', 'pending', 0],
      ]);
      expect(JSON.stringify(listed)).not.toContain('citizen@example.org');
      expect(await store.messagesOfRequest('south', request.id)).toEqual([]);
    });

    it('gives up the waiting messages of a purged request and empties them', async () => {
      const { store, request } = await withRequest(AGREED);
      await store.appendStatus({ requestId: request.id, expected: 'received', status: 'refused', reason: 'incomplete', reasonCode: 'other', at: T0, by: 'test' });
      expect(await store.purgeFinishedRequests({ finishedBefore: T1, at: T2 })).toBe(1);
      expect((await store.messagesOfRequest('north', request.id)).map((m) => [m.state, m.lastError])).toEqual([
        ['failed', 'purged'],
        ['failed', 'purged'],
      ]);
      expect(await claimAll(store, 'w', LATER, LATER)).toEqual([]);
    });
  });
}
