import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RequestMutation } from '../../../backoffice/src/store/consoleTypes';
import type { NewBody } from '../../../backoffice/src/store/directoryTypes';
import type { Store } from '../../../backoffice/src/store/types';
import { canonicalRequestJson } from '../../../src/domain/request';
import { makeRequest } from '../fixtures';
import type { ConsoleContractKit } from './consoleContract';

const T0 = '2026-11-28T10:00:00.000Z';
const T1 = '2026-11-28T11:00:00.000Z';
const T2 = '2026-11-29T11:00:00.000Z';

/** The routing directory and forwards (migration 010), run on every engine from storeContract(). */
export function directoryContract(kit: ConsoleContractKit): void {
  let n = 0;
  const body = (officeId = 'north', extra: Partial<NewBody> = {}): NewBody => ({
    id: randomUUID(),
    officeId,
    kind: 'commune-of-birth',
    nameAr: 'جماعة فاس',
    nameFr: 'Commune de Fès',
    communes: ['Fès', 'Fes Jdid'],
    email: 'etat-civil@fes.example',
    endpoint: null,
    createdAt: T0,
    ...extra,
  });

  async function acceptedRequest(store: Store, device: { id: string; officeId: string; trackingPrefix: string }) {
    const request = makeRequest(device.trackingPrefix, ++n, { serviceId: 'birth_extract', fields: { communeOfBirth: 'Fès' } });
    await store.pushRequests({
      deviceId: device.id,
      officeId: device.officeId,
      receivedAt: T0,
      kioskSeqs: [request.kioskSeq],
      items: [{ request, canonical: canonicalRequestJson(request) }],
    });
    const row = await store.getWorkRow('north', request.id);
    return { request, version: row!.version };
  }
  const startReview = (requestId: string, expectedVersion: number): RequestMutation => ({
    requestId,
    officeId: 'north',
    expectedVersion,
    staffId: 'staff-x',
    at: T1,
    status: 'inReview',
    event: { kind: 'status' },
    audit: { action: 'status', detail: 'inReview' },
  });
  const forward = (bodyId: string) => ({ id: randomUUID(), bodyId, nonce: randomUUID().replaceAll('-', ''), dueAt: T2 });

  describe('routing directory and forwards', () => {
    it('adds, lists and removes bodies of one office only', async () => {
      const { store } = await kit.withKiosk();
      const fes = await store.addBody(body());
      const south = await store.addBody(body('south'));
      expect(fes.communes).toEqual(['Fès', 'Fes Jdid']);
      expect((await store.listBodies('north')).map((b) => b.id)).toEqual([fes.id]);
      expect(await store.getBody('north', south.id)).toBeNull();
      expect(await store.removeBody('north', south.id, T1)).toBe(false);
      expect(await store.removeBody('north', fes.id, T1)).toBe(true);
      expect(await store.removeBody('north', fes.id, T1)).toBe(false);
      expect(await store.listBodies('north')).toEqual([]);
      expect((await store.listBodies('north', true))[0]).toMatchObject({ id: fes.id, removedAt: T1 });
    });

    it('writes the forward with the status change, and neither on a version conflict', async () => {
      const { store, device } = await kit.withKiosk();
      const fes = await store.addBody(body());
      const { request, version } = await acceptedRequest(store, device);
      const stale = await store.mutateAndForward(startReview(request.id, version + 5), forward(fes.id));
      expect(stale).toMatchObject({ ok: false, reason: 'versionConflict', forward: null });
      expect(await store.forwardsOf('north', request.id)).toEqual([]);
      const sent = forward(fes.id);
      const outcome = await store.mutateAndForward(startReview(request.id, version), sent);
      expect(outcome).toMatchObject({ ok: true, forward: { id: sent.id, bodyId: fes.id, requestId: request.id, forwardedAt: T1, dueAt: T2, sentAt: null } });
      expect((await store.getWorkRow('north', request.id))!.status).toBe('inReview');
      expect(await store.forwardsOf('south', request.id)).toEqual([]);
      expect(await store.openForwards('north', 10)).toHaveLength(1);
      await store.markForwardSent(sent.id, T1);
      await store.markForwardSent(sent.id, T2);
      expect((await store.getForward(sent.id))!.sentAt).toBe(T1);
    });

    it('rolls the status change back when the outbox hook fails inside the transaction', async () => {
      const { store, device } = await kit.withKiosk();
      const fes = await store.addBody(body());
      const { request, version } = await acceptedRequest(store, device);
      const seen: string[] = [];
      store.onForward((row) => {
        seen.push(row.id);
        throw new Error('outbox refused');
      });
      await expect(store.mutateAndForward(startReview(request.id, version), forward(fes.id))).rejects.toThrow('outbox refused');
      expect(seen).toHaveLength(1);
      expect((await store.getWorkRow('north', request.id))!.status).toBe('received');
      expect(await store.forwardsOf('north', request.id)).toEqual([]);
    });

    it('takes a body answer once: the nonce must match and a second use is refused', async () => {
      const { store, device } = await kit.withKiosk();
      const fes = await store.addBody(body());
      const { request, version } = await acceptedRequest(store, device);
      const sent = forward(fes.id);
      await store.mutateAndForward(startReview(request.id, version), sent);
      const answer = (nonce: string) =>
        store.answerForward({
          forwardId: sent.id,
          nonce,
          answer: 'done',
          document: { bytes: Buffer.from('%PDF-1.4 extract'), type: 'application/pdf' },
          at: T2,
          mutation: { requestId: request.id, officeId: 'north', staffId: `body:${fes.id}`, at: T2, status: 'ready', event: { kind: 'status' }, audit: { action: 'status', detail: 'ready' } },
        });
      expect(await answer('x'.repeat(32))).toEqual({ ok: false, reason: 'notFound' });
      expect(await answer(sent.nonce)).toMatchObject({ ok: true });
      expect(await answer(sent.nonce)).toEqual({ ok: false, reason: 'used' });
      expect((await store.getWorkRow('north', request.id))!.status).toBe('ready');
      expect(await store.getForward(sent.id)).toMatchObject({ answeredAt: T2, answer: 'done', documentType: 'application/pdf' });
      expect((await store.forwardDocument('north', sent.id))!.bytes.toString()).toBe('%PDF-1.4 extract');
      expect(await store.forwardDocument('south', sent.id)).toBeNull();
      expect(await store.openForwards('north', 10)).toEqual([]);
      const audit = await store.listStaffAudit({ officeId: 'north', limit: 10 });
      expect(JSON.stringify(audit)).toContain(`body:${fes.id}`);
      // Collected, then purged by the retention: the returned document goes with the request's body.
      const row = (await store.getWorkRow('north', request.id))!;
      await store.mutateRequest({ ...startReview(request.id, row.version), status: 'collected', at: T2 });
      expect(await store.purgeFinishedRequests({ finishedBefore: '2027-01-01T00:00:00.000Z', at: '2027-01-01T00:00:00.000Z' })).toBe(1);
      expect(await store.purgeForwardDocuments()).toBe(1);
      expect(await store.forwardDocument('north', sent.id)).toBeNull();
    });
  });
}
