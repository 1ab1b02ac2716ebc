import { describe, expect, it } from 'vitest';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import { flowState, settle, startSession } from './sessionHarness';

const CODE = formatTrackingCode('KBZ', 42);
const WRONG_CHECK = CODE.slice(0, -1) + (CODE.endsWith('0') ? '1' : '0');
const ANSWER = '48211987';
const TOKEN = 'AAECAwQFBgcICQoLDA0ODw';

function openLookup(actor: ReturnType<typeof startSession>['actor']): void {
  actor.send({ type: 'session.start' });
  actor.send({ type: 'home.checkStatus' });
}

function typeCodeAndAnswer(actor: ReturnType<typeof startSession>['actor'], code: string, answer = ANSWER): void {
  actor.send({ type: 'lookup.change', value: code });
  actor.send({ type: 'lookup.submit' });
  actor.send({ type: 'lookup.answerChange', value: answer });
  actor.send({ type: 'lookup.answerSubmit' });
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

  it('asks for what only the holder knows before looking anything up', () => {
    const { actor, looked } = startSession();
    openLookup(actor);
    actor.send({ type: 'lookup.change', value: CODE });
    actor.send({ type: 'lookup.submit' });
    expect(flowState(actor)).toEqual({ lookup: 'proving' });
    actor.send({ type: 'lookup.answerChange', value: '4821' });
    actor.send({ type: 'lookup.answerSubmit' });
    expect(flowState(actor)).toEqual({ lookup: 'proving' });
    expect(actor.getSnapshot().context.lookupAnswerError).toBe('format');
    expect(looked).toEqual([]);
  });

  it('looks up the normalised code with the answer, shows its status and forgets the answer', async () => {
    const status = {
      found: true,
      trackingCode: CODE,
      serviceId: 'life',
      local: 'synced',
      remote: { status: 'refused', reason: 'Document missing', changedAt: '2026-11-27T10:00:00Z' },
    } as const;
    const { actor, looked } = startSession({ lookup: async () => status });
    openLookup(actor);
    typeCodeAndAnswer(actor, ` ${CODE.toLowerCase().replaceAll('-', ' ')} `, '4821 1987');
    expect(flowState(actor)).toEqual({ lookup: 'searching' });
    await settle();
    expect(flowState(actor)).toEqual({ lookup: 'result' });
    expect(looked).toEqual([{ trackingCode: CODE, proof: { kind: 'answer', answer: ANSWER } }]);
    expect(actor.getSnapshot().context).toMatchObject({ lookupResult: status, lookupAnswer: '', lookupProof: null });
  });

  it('opens a scanned receipt with its token, without asking anything', async () => {
    const { actor, looked } = startSession({ lookup: async () => ({ found: true, trackingCode: CODE, serviceId: 'life', local: 'queued', remote: null }) });
    openLookup(actor);
    actor.send({ type: 'lookup.scanned', text: `${CODE}~${TOKEN}` });
    expect(flowState(actor)).toEqual({ lookup: 'searching' });
    await settle();
    expect(looked).toEqual([{ trackingCode: CODE, proof: { kind: 'token', token: TOKEN } }]);
    expect(flowState(actor)).toEqual({ lookup: 'result' });
  });

  it('asks for the answer when a scanned receipt carries no token (printed before tokens)', () => {
    const { actor } = startSession();
    openLookup(actor);
    actor.send({ type: 'lookup.scanned', text: CODE });
    expect(flowState(actor)).toEqual({ lookup: 'proving' });
    expect(actor.getSnapshot().context.lookupCode).toBe(CODE);
  });

  it('refuses with one answer whether the code is unknown or the proof wrong, and lets the citizen start again', async () => {
    const { actor } = startSession({ lookup: async () => ({ found: false, reason: 'noMatch' }) });
    openLookup(actor);
    typeCodeAndAnswer(actor, CODE);
    await settle();
    expect(flowState(actor)).toEqual({ lookup: 'refused' });
    expect(actor.getSnapshot().context.lookupResult).toEqual({ found: false, reason: 'noMatch' });
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
        return { found: false, reason: 'noMatch' };
      },
    });
    openLookup(actor);
    typeCodeAndAnswer(actor, CODE);
    await settle();
    expect(flowState(actor)).toEqual({ lookup: 'failed' });
    actor.send({ type: 'lookup.submit' });
    await settle();
    expect(flowState(actor)).toEqual({ lookup: 'refused' });
  });
});
