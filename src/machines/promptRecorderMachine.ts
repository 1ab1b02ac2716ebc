import { assign, fromPromise, setup } from 'xstate';
import type { MicrophoneFailure, MicrophoneTake, OpenMicrophone } from '../platform/microphone';

function notProvided(name: string): never {
  throw new Error(`${name} is provided by the page that records (promptRecorderMachine.provide)`);
}

export type SaveTakeOutcome = { ok: true } | { ok: false; reason: 'tooLarge' | 'empty' };
export type SaveTakeProblem = Exclude<SaveTakeOutcome, { ok: true }>['reason'] | 'failed';

export interface PromptRecorderInput {
  /** A take stops by itself at this length. */
  maxMs: number;
  /** How often the timer moves. */
  tickMs?: number;
  /** The clock the take's length is read from (ticks may come late on a busy tablet). */
  now(): number;
}

export interface PromptRecorderContext {
  maxMs: number;
  tickMs: number;
  now(): number;
  startedAt: number;
  microphone: OpenMicrophone | null;
  elapsedMs: number;
  take: MicrophoneTake | null;
  failure: MicrophoneFailure | null;
  saveProblem: SaveTakeProblem | null;
}

export type PromptRecorderEvent =
  | { type: 'take.start' }
  | { type: 'take.stop' }
  /** Throw the take away and record again. */
  | { type: 'take.again' }
  | { type: 'take.save' }
  | { type: 'microphone.retry' };

/**
 * One prompt's recording on the voice prompts page: the microphone is asked for when the
 * recorder opens (never elsewhere), a take runs until "stop" or the maximum length, is played
 * back, taken again or saved. The microphone's release is the page's: it owns the recorder's
 * lifetime (see PromptRecorder.tsx), and this machine only holds the open microphone.
 */
export const promptRecorderMachine = setup({
  types: {
    context: {} as PromptRecorderContext,
    events: {} as PromptRecorderEvent,
    input: {} as PromptRecorderInput,
  },
  actors: {
    openMicrophone: fromPromise<OpenMicrophone>(async () => notProvided('openMicrophone')),
    saveTake: fromPromise<SaveTakeOutcome, { take: MicrophoneTake }>(async () => notProvided('saveTake')),
    stopTake: fromPromise<MicrophoneTake, { microphone: OpenMicrophone }>(({ input }) => input.microphone.stop()),
  },
  actions: {
    startTake: ({ context }) => context.microphone?.start(),
  },
  delays: {
    tick: ({ context }) => context.tickMs,
    maxLength: ({ context }) => context.maxMs,
  },
}).createMachine({
  id: 'promptRecorder',
  context: ({ input }) => ({ maxMs: input.maxMs, tickMs: input.tickMs ?? 250, now: input.now, startedAt: 0, microphone: null, elapsedMs: 0, take: null, failure: null, saveProblem: null }),
  initial: 'opening',
  states: {
    opening: {
      invoke: {
        src: 'openMicrophone',
        onDone: { target: 'ready', actions: assign({ microphone: ({ event }) => event.output, failure: null }) },
        onError: {
          target: 'failed',
          actions: assign({ failure: ({ event }) => ((event.error as { reason?: MicrophoneFailure } | null)?.reason ?? 'failed') }),
        },
      },
    },
    failed: {
      on: { 'microphone.retry': 'opening' },
    },
    ready: {
      on: { 'take.start': 'recording' },
    },
    recording: {
      entry: [assign({ elapsedMs: 0, take: null, saveProblem: null, startedAt: ({ context }) => context.now() }), 'startTake'],
      after: { maxLength: { target: 'stopping', actions: assign({ elapsedMs: ({ context }) => context.maxMs }) } },
      on: { 'take.stop': 'stopping' },
      initial: 'running',
      states: {
        running: {
          after: {
            tick: { target: 'running', reenter: true, actions: assign({ elapsedMs: ({ context }) => Math.min(context.maxMs, context.now() - context.startedAt) }) },
          },
        },
      },
    },
    stopping: {
      invoke: {
        src: 'stopTake',
        input: ({ context }) => ({ microphone: context.microphone! }),
        onDone: { target: 'review', actions: assign({ take: ({ event }) => event.output }) },
        onError: { target: 'failed', actions: assign({ failure: 'failed' }) },
      },
    },
    review: {
      on: { 'take.again': 'recording', 'take.save': 'saving' },
    },
    saving: {
      invoke: {
        src: 'saveTake',
        input: ({ context }) => ({ take: context.take! }),
        onDone: [
          { guard: ({ event }) => event.output.ok, target: 'saved' },
          { target: 'review', actions: assign({ saveProblem: ({ event }) => (event.output.ok ? null : event.output.reason) }) },
        ],
        onError: { target: 'review', actions: assign({ saveProblem: 'failed' }) },
      },
    },
    saved: {
      on: { 'take.again': 'recording' },
    },
  },
});

export type PromptRecorderMachine = typeof promptRecorderMachine;
