import { describe, expect, it } from 'vitest';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import { flowState, settle, startSession } from './sessionHarness';

const CODE = formatTrackingCode('KBZ', 42);
const WRONG_CHECK = CODE.slice(0, -1) + (CODE.endsWith('0') ? '1' : '0');

function openLookup(actor: ReturnType<typeof startSession>['actor']): void {
  actor.send({ type: 'session.start' });
  actor.send({ type: 'home.checkStatus' });
}

describe('the citizen session: checking a request', () => {
  it.each([
    ['KB', 'format'],
    [WRONG_CHECK, 'checkSymbol'],
  ])('refuses %s with the %s error and does not look it up', (typed, error) => {
    const { actor, looked } = startSession();
    openLookup(actor);
    actor.send({ type: 'lookup.change', value: typed });
    actor.send({ type: 'lookup.submit' });
    expect(flowState(actor)).toEqual({ lookup: 'entering' });
    expect(actor.getSnapshot().context.lookupError).toBe(error);
    expect(looked).toEqual([]);
    actor.send({ type: 'lookup.change', value: typed + 'X' });
    expect(actor.getSnapshot().context.lookupError).toBeNull();
  });

  it('looks up the normalised code and shows its status', async () => {
    const status = {
      found: true,
      trackingCode: CODE,
      serviceId: 'life',
      local: 'synced',
      remote: { status: 'refused', reason: 'Document missing', changedAt: '2026-11-27T10:00:00Z' },
    } as const;
    const { actor, looked } = startSession({ lookup: async () => status });
    openLookup(actor);
    actor.send({ type: 'lookup.change', value: ` ${CODE.toLowerCase().replaceAll('-', ' ')} ` });
    actor.send({ type: 'lookup.submit' });
    expect(flowState(actor)).toEqual({ lookup: 'searching' });
    await settle();
    expect(flowState(actor)).toEqual({ lookup: 'result' });
    expect(looked).toEqual([CODE]);
    expect(actor.getSnapshot().context.lookupResult).toEqual(status);
  });

  it('says when no request carries the code', async () => {
    const { actor } = startSession({ lookup: async () => ({ found: false }) });
    openLookup(actor);
    actor.send({ type: 'lookup.change', value: CODE });
    actor.send({ type: 'lookup.submit' });
    await settle();
    expect(actor.getSnapshot().context.lookupResult).toEqual({ found: false });
    actor.send({ type: 'flow.back' });
    expect(flowState(actor)).toEqual({ lookup: 'entering' });
    actor.send({ type: 'flow.back' });
    expect(flowState(actor)).toBe('home');
  });

  it('offers a retry when the lookup itself fails', async () => {
    let calls = 0;
    const { actor } = startSession({
      lookup: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database closed');
        return { found: false };
      },
    });
    openLookup(actor);
    actor.send({ type: 'lookup.change', value: CODE });
    actor.send({ type: 'lookup.submit' });
    await settle();
    expect(flowState(actor)).toEqual({ lookup: 'failed' });
    actor.send({ type: 'lookup.submit' });
    await settle();
    expect(flowState(actor)).toEqual({ lookup: 'result' });
  });
});
