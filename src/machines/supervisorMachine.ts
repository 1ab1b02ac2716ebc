import { assign, fromPromise, setup } from 'xstate';
import { NO_LOCKOUT, remainingLockoutMs, type LockoutState } from './supervisor/lockout';
import { pinChoiceProblem } from './supervisor/pinPolicy';
import type {
  LockStateSnapshot,
  PinCheckOutcome,
  PinError,
  SavePinOutcome,
  SupervisorAuditAction,
  SupervisorEvent,
} from './supervisor/types';

/** Side effects the supervisor lock needs; src/supervisor/services.ts provides the real ones. */
export interface SupervisorMachineDeps {
  loadLockState(): Promise<LockStateSnapshot>;
  /** Checks the PIN against the stored hash and persists the failure counter. */
  checkPin(pin: string): Promise<PinCheckOutcome>;
  savePin(pin: string): Promise<SavePinOutcome>;
  audit(action: SupervisorAuditAction, detail?: string): void;
  now(): number;
}

export interface SupervisorMachineInput {
  /** Inactivity after which an open overlay locks itself. */
  autoLockMs: number;
}

export interface SupervisorContext {
  hasPin: boolean;
  lockout: LockoutState;
  pinError: PinError | null;
  /** The PIN chosen at first run, held only until it is confirmed and hashed. */
  draftPin: string | null;
  autoLockMs: number;
}

export const DEFAULT_AUTO_LOCK_MS = 2 * 60_000;

export function createSupervisorMachine(deps: SupervisorMachineDeps) {
  return setup({
    types: {
      context: {} as SupervisorContext,
      events: {} as SupervisorEvent,
      input: {} as SupervisorMachineInput,
    },
    actors: {
      loadLockState: fromPromise(() => deps.loadLockState()),
      checkPin: fromPromise<PinCheckOutcome, { pin: string }>(({ input }) => deps.checkPin(input.pin)),
      savePin: fromPromise<SavePinOutcome, { pin: string }>(({ input }) => deps.savePin(input.pin)),
    },
    guards: {
      hasNoPin: ({ context }) => !context.hasPin,
      isLockedOut: ({ context }) => remainingLockoutMs(context.lockout, deps.now()) > 0,
      choiceIsAcceptable: ({ event }) => event.type === 'pin.choose' && pinChoiceProblem(event.pin) === null,
      confirmationMatches: ({ context, event }) => event.type === 'pin.confirm' && event.pin === context.draftPin,
    },
    delays: {
      autoLock: ({ context }) => context.autoLockMs,
      lockoutEnds: ({ context }) => remainingLockoutMs(context.lockout, deps.now()),
    },
    actions: {
      clearPinError: assign({ pinError: null }),
      forgetDraft: assign({ draftPin: null }),
      auditUnlock: () => deps.audit('supervisor.unlock'),
      auditLock: () => deps.audit('supervisor.lock'),
      auditAutoLock: () => deps.audit('supervisor.autoLock'),
      auditPinSet: () => deps.audit('supervisor.pinSet'),
    },
  }).createMachine({
    id: 'supervisor',
    context: ({ input }) => ({ hasPin: false, lockout: NO_LOCKOUT, pinError: null, draftPin: null, autoLockMs: input.autoLockMs }),
    initial: 'loading',
    on: { 'settings.autoLock': { actions: assign({ autoLockMs: ({ event }) => event.ms }) } },
    states: {
      loading: {
        invoke: {
          src: 'loadLockState',
          onDone: { target: 'locked', actions: assign(({ event }) => ({ hasPin: event.output.hasPin, lockout: event.output.lockout })) },
          // Unreadable state: behave as if a PIN exists, so a storage fault never opens a first run.
          onError: { target: 'locked', actions: assign({ hasPin: true }) },
        },
      },
      locked: {
        on: {
          'supervisor.open': [
            { guard: 'hasNoPin', target: 'firstRun' },
            { guard: 'isLockedOut', target: 'lockedOut' },
            { target: 'pinEntry' },
          ],
        },
      },
      autoLocked: {
        entry: 'auditAutoLock',
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
              actions: [assign({ lockout: ({ event }) => event.output.lockout, pinError: null }), 'auditUnlock'],
            },
            {
              guard: ({ event }) => event.output.kind === 'lockedOut',
              target: 'lockedOut',
              actions: assign({ lockout: ({ event }) => event.output.lockout }),
            },
            {
              guard: ({ event }) => remainingLockoutMs(event.output.lockout, deps.now()) > 0,
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
        always: { guard: ({ context }) => remainingLockoutMs(context.lockout, deps.now()) === 0, target: 'pinEntry' },
        after: { lockoutEnds: { target: 'pinEntry', actions: 'clearPinError' } },
        on: { 'supervisor.close': 'locked' },
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
                  actions: [assign({ hasPin: true, draftPin: null, pinError: null }), 'auditPinSet', 'auditUnlock'],
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
          'nav.settings': '.settings',
          'nav.audit': '.audit',
          'supervisor.lock': { target: 'locked', actions: 'auditLock' },
        },
        states: {
          dashboard: {},
          outbox: {},
          settings: {},
          audit: {},
          history: { type: 'history' },
        },
      },
    },
  });
}

export type SupervisorMachine = ReturnType<typeof createSupervisorMachine>;
