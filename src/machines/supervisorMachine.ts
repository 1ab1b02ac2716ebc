import { assign, fromPromise, setup } from 'xstate';
import { NO_LOCKOUT, remainingLockoutMs, type LockoutState } from './supervisor/lockout';
import { pinChoiceProblem } from './supervisor/pinPolicy';
import type {
  LockStateSnapshot,
  PinCheckOutcome,
  PinError,
  PinPresence,
  SavePinOutcome,
  SupervisorAuditAction,
  SupervisorEvent,
} from './supervisor/types';

function notProvided(name: string): never {
  throw new Error(`${name} is provided by the composition root (supervisorMachine.provide)`);
}

export interface SupervisorMachineInput {
  /** Inactivity after which an open overlay locks itself. */
  autoLockMs: number;
  /** The wall clock the lockout is measured against (the host counts failures in epoch ms). */
  now(): number;
}

export interface SupervisorContext {
  /** Whether a PIN exists; `storeLocked` is never taken for `none` (see PinPresence). */
  pin: PinPresence;
  lockout: LockoutState;
  pinError: PinError | null;
  /** The PIN chosen at first run, held only until it is confirmed and handed to the host. */
  draftPin: string | null;
  autoLockMs: number;
  now(): number;
}

export const DEFAULT_AUTO_LOCK_MS = 2 * 60_000;

/**
 * The supervisor lock. The PIN is checked by the host (`KioskPlatform.unlockWithPin`: in
 * Electron, the main process); this machine only follows its verdicts. Side effects are actors
 * and the `audit` action, provided by the composition root like the session machine's
 * (src/ui/supervisor/SupervisorFrame.tsx binds them to the supervisor services).
 */
export const supervisorMachine = setup({
  types: {
    context: {} as SupervisorContext,
    events: {} as SupervisorEvent,
    input: {} as SupervisorMachineInput,
  },
  actors: {
    loadLockState: fromPromise<LockStateSnapshot>(async () => notProvided('loadLockState')),
    /** Asks the host to check the PIN; the host counts a failure before it answers. */
    checkPin: fromPromise<PinCheckOutcome, { pin: string }>(async () => notProvided('checkPin')),
    savePin: fromPromise<SavePinOutcome, { pin: string }>(async () => notProvided('savePin')),
  },
  guards: {
    hasNoPin: ({ context }) => context.pin === 'none',
    storeIsLocked: ({ context }) => context.pin === 'storeLocked',
    isLockedOut: ({ context }) => remainingLockoutMs(context.lockout, context.now()) > 0,
    lockoutIsOver: ({ context }) => remainingLockoutMs(context.lockout, context.now()) === 0,
    choiceIsAcceptable: ({ event }) => event.type === 'pin.choose' && pinChoiceProblem(event.pin) === null,
    confirmationMatches: ({ context, event }) => event.type === 'pin.confirm' && event.pin === context.draftPin,
  },
  delays: {
    autoLock: ({ context }) => context.autoLockMs,
    lockoutEnds: ({ context }) => remainingLockoutMs(context.lockout, context.now()),
  },
  actions: {
    clearPinError: assign({ pinError: null }),
    forgetDraft: assign({ draftPin: null }),
    /** Appends to the kiosk's audit log; provided, since the log is storage. */
    audit: (_, _params: { action: SupervisorAuditAction }) => undefined,
  },
}).createMachine({
  id: 'supervisor',
  context: ({ input }) => ({ pin: 'none', lockout: NO_LOCKOUT, pinError: null, draftPin: null, autoLockMs: input.autoLockMs, now: input.now }),
  initial: 'loading',
  on: { 'settings.autoLock': { actions: assign({ autoLockMs: ({ event }) => event.ms }) } },
  states: {
    loading: {
      invoke: {
        src: 'loadLockState',
        onDone: { target: 'locked', actions: assign(({ event }) => ({ pin: event.output.pin, lockout: event.output.lockout })) },
        // Unreadable state: behave as if a PIN exists, so a storage fault never opens a first run.
        onError: { target: 'locked', actions: assign({ pin: 'set' }) },
      },
    },
    locked: {
      on: {
        'supervisor.open': [
          { guard: 'hasNoPin', target: 'firstRun' },
          { guard: 'storeIsLocked', target: 'storeLocked' },
          { guard: 'isLockedOut', target: 'lockedOut' },
          { target: 'pinEntry' },
        ],
      },
    },
    autoLocked: {
      entry: { type: 'audit', params: { action: 'supervisor.autoLock' } },
      on: {
        'supervisor.open': [{ guard: 'isLockedOut', target: 'lockedOut' }, { target: 'pinEntry' }],
      },
    },
    pinEntry: {
      after: { autoLock: { target: 'locked', actions: 'clearPinError' } },
      on: {
        'pin.submit': { target: 'checking', actions: 'clearPinError' },
        'supervisor.close': { target: 'locked', actions: 'clearPinError' },
        activity: { target: 'pinEntry', reenter: true },
      },
    },
    checking: {
      invoke: {
        src: 'checkPin',
        input: ({ event }) => ({ pin: event.type === 'pin.submit' ? event.pin : '' }),
        onDone: [
          {
            guard: ({ event }) => event.output.kind === 'ok',
            target: 'unlocked',
            actions: [assign({ lockout: ({ event }) => event.output.lockout, pinError: null }), { type: 'audit', params: { action: 'supervisor.unlock' } }],
          },
          {
            guard: ({ event }) => event.output.kind === 'storeLocked',
            target: 'storeLocked',
            actions: assign({ pin: 'storeLocked' }),
          },
          {
            guard: ({ event }) => event.output.kind === 'lockedOut',
            target: 'lockedOut',
            actions: assign({ lockout: ({ event }) => event.output.lockout }),
          },
          {
            guard: ({ context, event }) => remainingLockoutMs(event.output.lockout, context.now()) > 0,
            target: 'lockedOut',
            actions: assign({ lockout: ({ event }) => event.output.lockout, pinError: 'wrong' }),
          },
          {
            target: 'pinEntry',
            actions: assign({ lockout: ({ event }) => event.output.lockout, pinError: 'wrong' }),
          },
        ],
        onError: { target: 'pinEntry', actions: assign({ pinError: 'checkFailed' }) },
      },
    },
    lockedOut: {
      always: { guard: 'lockoutIsOver', target: 'pinEntry' },
      after: { lockoutEnds: { target: 'pinEntry', actions: 'clearPinError' } },
      on: { 'supervisor.close': 'locked' },
    },
    /**
     * A PIN's hash is stored but the host cannot read it now (the OS key store is still locked
     * after login, or the browser's key is gone). Not "no PIN": staff are told to have the key
     * store unlocked; each opening asks the host again, since the key ring may have opened since.
     */
    storeLocked: {
      initial: 'asking',
      after: { autoLock: 'locked' },
      on: { 'supervisor.close': 'locked' },
      states: {
        asking: {
          invoke: {
            src: 'loadLockState',
            onDone: [
              { guard: ({ event }) => event.output.pin === 'storeLocked', target: 'waiting' },
              {
                guard: ({ event }) => event.output.pin === 'none',
                target: '#supervisor.firstRun',
                actions: assign(({ event }) => ({ pin: event.output.pin, lockout: event.output.lockout })),
              },
              { target: '#supervisor.pinEntry', actions: assign(({ event }) => ({ pin: event.output.pin, lockout: event.output.lockout })) },
            ],
            onError: 'waiting',
          },
        },
        waiting: {},
      },
    },
    /**
     * No PIN yet: whoever holds the logo gets here, so the first PIN is given only to someone
     * who proves they are the office's staff, by enrolling the kiosk with a one-time code from
     * the back office (a code expires in a day and works once). Then the PIN is chosen.
     */
    firstRun: {
      initial: 'authorise',
      after: { autoLock: { target: 'locked', actions: ['forgetDraft', 'clearPinError'] } },
      on: {
        'supervisor.close': { target: 'locked', actions: ['forgetDraft', 'clearPinError'] },
        activity: { target: '.history', reenter: true },
      },
      states: {
        authorise: {
          on: { 'firstRun.authorised': 'choosePin' },
        },
        choosePin: {
          on: {
            'pin.choose': [
              { guard: 'choiceIsAcceptable', target: 'confirmPin', actions: assign({ draftPin: ({ event }) => event.pin, pinError: null }) },
              { actions: assign({ pinError: ({ event }) => pinChoiceProblem(event.pin) }) },
            ],
          },
        },
        confirmPin: {
          on: {
            'pin.confirm': [
              { guard: 'confirmationMatches', target: 'savingPin', actions: 'clearPinError' },
              { target: 'choosePin', actions: [assign({ pinError: 'mismatch' }), 'forgetDraft'] },
            ],
          },
        },
        savingPin: {
          // Swallowed here: re-entering would save the PIN a second time.
          on: { activity: { actions: [] } },
          invoke: {
            src: 'savePin',
            input: ({ context }) => ({ pin: context.draftPin ?? '' }),
            onDone: [
              {
                guard: ({ event }) => event.output.ok,
                target: '#supervisor.unlocked',
                actions: [
                  assign({ pin: 'set', draftPin: null, pinError: null }),
                  { type: 'audit', params: { action: 'supervisor.pinSet' } },
                  { type: 'audit', params: { action: 'supervisor.unlock' } },
                ],
              },
              {
                // Someone set a PIN meanwhile: the host never overwrites one, so ask for it.
                guard: ({ event }) => !event.output.ok && event.output.reason === 'pinAlreadySet',
                target: '#supervisor.pinEntry',
                actions: assign({ pin: 'set', draftPin: null, pinError: null }),
              },
              {
                guard: ({ event }) => !event.output.ok && event.output.reason === 'storeLocked',
                target: '#supervisor.storeLocked',
                actions: assign({ pin: 'storeLocked', draftPin: null, pinError: null }),
              },
              {
                target: 'choosePin',
                actions: assign(({ event }) => ({
                  draftPin: null,
                  pinError: !event.output.ok && event.output.reason === 'encryptionUnavailable' ? 'encryptionUnavailable' : 'saveFailed',
                })),
              },
            ],
            onError: { target: 'choosePin', actions: assign({ draftPin: null, pinError: 'saveFailed' }) },
          },
        },
        history: { type: 'history' },
      },
    },
    unlocked: {
      initial: 'dashboard',
      after: { autoLock: 'autoLocked' },
      on: {
        activity: { target: '.history', reenter: true },
        'nav.dashboard': '.dashboard',
        'nav.outbox': '.outbox',
        'nav.voicePrompts': '.voicePrompts',
        'nav.settings': '.settings',
        'nav.audit': '.audit',
        'supervisor.lock': { target: 'locked', actions: { type: 'audit', params: { action: 'supervisor.lock' } } },
      },
      states: {
        dashboard: {},
        outbox: {},
        voicePrompts: {},
        settings: {},
        audit: {},
        history: { type: 'history' },
      },
    },
  },
});

export type SupervisorMachine = typeof supervisorMachine;
