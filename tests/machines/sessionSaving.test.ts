import { describe, expect, it } from 'vitest';
import { flowState, NO_PERSONAL_DATA, personalDataOf, reachReview, settle, startSession } from './sessionHarness';
import { testCatalogue, validIdentity } from './sessionFixtures';

class QuotaError extends Error {
  readonly reason = 'quota';
}

function receiptState(actor: ReturnType<typeof startSession>['actor']): unknown {
  return (flowState(actor) as { receipt?: unknown }).receipt;
}

describe('the citizen session: consent, saving and the receipt', () => {
  it('saves only after the consent, then shows the receipt with the tracking code', async () => {
    const { actor, saved } = startSession({ save: async () => ({ trackingCode: 'KBZ-00042-7' }) });
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    expect(saved).toHaveLength(0);
    actor.send({ type: 'locale.change', locale: 'fr' });
    actor.send({ type: 'consent.accept' });
    expect(flowState(actor)).toBe('saving');
    await settle();
    expect(receiptState(actor)).toBe('printed');
    expect(actor.getSnapshot().context.trackingCode).toBe('KBZ-00042-7');
    expect(saved).toEqual([
      {
        draft: {
          serviceId: 'birth_extract',
          identity: validIdentity,
          fields: { birthCommune: 'Berkane', actNumber: '1234' },
        },
        service: testCatalogue.services[1],
        catalogueVersion: testCatalogue.version,
        locale: 'fr',
      },
    ]);
  });

  it('keeps the draft and explains a full storage, then succeeds on retry', async () => {
    let attempts = 0;
    const { actor } = startSession({
      save: async () => {
        attempts += 1;
        if (attempts === 1) throw new QuotaError('full');
        return { trackingCode: 'KBZ-00043-5' };
      },
    });
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'consent.accept' });
    await settle();
    expect(flowState(actor)).toBe('saveFailed');
    expect(actor.getSnapshot().context.saveFailure).toBe('quota');
    expect(actor.getSnapshot().context.draft?.identity.cin).toBe(validIdentity.cin);
    actor.send({ type: 'save.retry' });
    await settle();
    expect(receiptState(actor)).toBe('printed');
    expect(actor.getSnapshot().context.saveFailure).toBeNull();
  });

  it('calls any other write failure a storage problem and lets the citizen go back to the review', async () => {
    const { actor } = startSession({ save: async () => Promise.reject(new Error('disk')) });
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'consent.accept' });
    await settle();
    expect(actor.getSnapshot().context.saveFailure).toBe('storage');
    actor.send({ type: 'flow.back' });
    expect(flowState(actor)).toBe('review');
  });

  it('prints the receipt by itself, in the citizen language, through the injected printer, and again on request', async () => {
    const { actor, printed } = startSession({ save: async () => ({ trackingCode: 'KBZ-00042-7' }) });
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'consent.accept' });
    await settle();
    expect(receiptState(actor)).toBe('printed');
    expect(printed).toEqual([{ trackingCode: 'KBZ-00042-7', serviceId: 'birth_extract', locale: 'ar', catalogue: testCatalogue, statusToken: null }]);
    actor.send({ type: 'receipt.print' });
    expect(receiptState(actor)).toBe('printing');
    await settle();
    expect(printed).toHaveLength(2);
    expect(receiptState(actor)).toBe('printed');
  });

  it("puts the saved request's status token into the receipt to print, and forgets it at reset", async () => {
    const { actor, printed } = startSession({ save: async () => ({ trackingCode: 'KBZ-00042-7', statusToken: 'AAECAwQFBgcICQoLDA0ODw' }) });
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'consent.accept' });
    await settle();
    actor.send({ type: 'receipt.print' });
    await settle();
    expect(printed[0]?.statusToken).toBe('AAECAwQFBgcICQoLDA0ODw');
    actor.send({ type: 'receipt.finish' });
    expect(actor.getSnapshot().context.statusToken).toBeNull();
  });

  it.each([
    ['answers there is none', async () => ({ ok: false, reason: 'noPrinter' }) as const, 'noPrinter'],
    ['cannot confirm paper came out', async () => ({ ok: false, reason: 'unconfirmed' }) as const, 'unconfirmed'],
    ['answers a failure', async () => ({ ok: false, reason: 'cancelled' }) as const, 'failed'],
    ['throws', async () => Promise.reject(new Error('ipc closed')), 'failed'],
  ])('keeps the tracking code on screen when the printer %s, says so, and lets the citizen try again', async (_, print, problem) => {
    const { actor } = startSession({ save: async () => ({ trackingCode: 'KBZ-00042-7' }), print });
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'consent.accept' });
    await settle();
    expect(receiptState(actor)).toBe('printFailed');
    expect(actor.getSnapshot().context.printProblem).toBe(problem);
    expect(actor.getSnapshot().context.trackingCode).toBe('KBZ-00042-7');
    actor.send({ type: 'receipt.print' });
    expect(receiptState(actor)).toBe('printing');
    expect(actor.getSnapshot().context.printProblem).toBeNull();
  });

  it('wipes everything when the citizen presses "finish" on the receipt', async () => {
    const { actor } = startSession();
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'consent.accept' });
    await settle();
    actor.send({ type: 'receipt.finish' });
    expect(actor.getSnapshot().value).toBe('attract');
    expect(personalDataOf(actor)).toEqual(NO_PERSONAL_DATA);
  });
});
