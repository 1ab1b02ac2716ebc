import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { promptRecorderMachine, type SaveTakeOutcome } from '../../src/machines/promptRecorderMachine';
import type { MicrophoneTake, OpenMicrophone } from '../../src/platform/microphone';
import { FakeMicrophone } from '../supervisor/fakeMicrophone';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function start(options: { microphone?: FakeMicrophone; save?: (take: MicrophoneTake) => Promise<SaveTakeOutcome> } = {}) {
  const microphone = options.microphone ?? new FakeMicrophone();
  const saved: string[] = [];
  const clock = new SimulatedClock();
  const machine = promptRecorderMachine.provide({
    actors: {
      openMicrophone: fromPromise<OpenMicrophone>(() => microphone.open()),
      saveTake: fromPromise<SaveTakeOutcome, { take: MicrophoneTake }>(async ({ input }) => {
        saved.push(await input.take.audio.text());
        return options.save ? options.save(input.take) : { ok: true };
      }),
    },
  });
  const actor = createActor(machine, { clock, input: { maxMs: 30_000, tickMs: 250, now: () => clock.now() } });
  actor.start();
  return { actor, clock, microphone, saved };
}

describe('recording one prompt', () => {
  it('asks for the microphone first, records until stop, and counts the seconds on the way', async () => {
    const { actor, clock, microphone } = start();
    expect(actor.getSnapshot().value).toBe('opening');
    await flush();
    expect(actor.getSnapshot().value).toBe('ready');
    expect(microphone.opened).toBe(1);
    actor.send({ type: 'take.start' });
    expect(microphone.recording).toBe(true);
    clock.increment(4_000);
    expect(actor.getSnapshot().context.elapsedMs).toBe(4_000);
    actor.send({ type: 'take.stop' });
    await flush();
    expect(actor.getSnapshot().value).toBe('review');
    expect(await actor.getSnapshot().context.take?.audio.text()).toBe('fake opus take');
  });

  it('stops a take by itself at the maximum length', async () => {
    const { actor, clock, microphone } = start();
    await flush();
    actor.send({ type: 'take.start' });
    clock.increment(29_750);
    expect(actor.getSnapshot().matches('recording')).toBe(true);
    clock.increment(250);
    await flush();
    expect(actor.getSnapshot().value).toBe('review');
    expect(actor.getSnapshot().context.elapsedMs).toBe(30_000);
    expect(microphone.recording).toBe(false);
  });

  it('records again from zero, then saves the new take only', async () => {
    const { actor, clock, microphone, saved } = start();
    await flush();
    actor.send({ type: 'take.start' });
    clock.increment(2_000);
    actor.send({ type: 'take.stop' });
    await flush();
    microphone.nextTake = 'second take';
    actor.send({ type: 'take.again' });
    expect(actor.getSnapshot().context).toMatchObject({ elapsedMs: 0, take: null });
    clock.increment(1_000);
    actor.send({ type: 'take.stop' });
    await flush();
    actor.send({ type: 'take.save' });
    await flush();
    await flush();
    expect(actor.getSnapshot().value).toBe('saved');
    expect(saved).toEqual(['second take']);
  });

  it.each([['denied'], ['unavailable'], ['unsupported']] as const)('says why when the microphone is %s, and asks again on retry', async (reason) => {
    const microphone = new FakeMicrophone();
    microphone.refuse = reason;
    const { actor } = start({ microphone });
    await flush();
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.failure).toBe(reason);
    microphone.refuse = null;
    actor.send({ type: 'microphone.retry' });
    await flush();
    expect(actor.getSnapshot().value).toBe('ready');
  });

  it('keeps the take for review when saving is refused or fails', async () => {
    let answer: () => Promise<SaveTakeOutcome> = async () => ({ ok: false, reason: 'tooLarge' });
    const { actor } = start({ save: () => answer() });
    await flush();
    actor.send({ type: 'take.start' });
    actor.send({ type: 'take.stop' });
    await flush();
    actor.send({ type: 'take.save' });
    await flush();
    await flush();
    expect(actor.getSnapshot().value).toBe('review');
    expect(actor.getSnapshot().context.saveProblem).toBe('tooLarge');
    answer = async () => Promise.reject(new Error('disk full'));
    actor.send({ type: 'take.save' });
    await flush();
    await flush();
    expect(actor.getSnapshot().context).toMatchObject({ saveProblem: 'failed' });
    expect(actor.getSnapshot().context.take).not.toBeNull();
  });
});
