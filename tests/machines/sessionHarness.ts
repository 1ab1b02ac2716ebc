import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { sessionMachine } from '../../src/machines/sessionMachine';
import type {
  PrintOutcome,
  PrintReceiptInput,
  SavedRequest,
  SaveRequestInput,
  SessionSettings,
  StatusLookupInput,
  StatusLookupResult,
} from '../../src/machines/session/types';
import { testCatalogue, testSettings, TODAY, validIdentity } from './sessionFixtures';

export interface FakeServices {
  save?: (input: SaveRequestInput) => Promise<SavedRequest>;
  lookup?: (input: StatusLookupInput) => Promise<StatusLookupResult>;
  print?: (input: PrintReceiptInput) => Promise<PrintOutcome>;
  settings?: Partial<SessionSettings>;
}

/** Starts a session over fake actors and a simulated clock; records what the actors were asked. */
export function startSession(fakes: FakeServices = {}) {
  const saved: SaveRequestInput[] = [];
  const printed: PrintReceiptInput[] = [];
  const looked: StatusLookupInput[] = [];
  const staffAlerts: number[] = [];
  const machine = sessionMachine.provide({
    actions: { alertStaff: () => staffAlerts.push(staffAlerts.length + 1) },
    actors: {
      saveRequest: fromPromise<SavedRequest, SaveRequestInput>(async ({ input }) => {
        saved.push(input);
        return (fakes.save ?? (async () => ({ trackingCode: 'ABC-00001-X' })))(input);
      }),
      lookupStatus: fromPromise<StatusLookupResult, StatusLookupInput>(async ({ input }) => {
        looked.push(input);
        return (fakes.lookup ?? (async () => ({ found: false, reason: 'noMatch' }) as const))(input);
      }),
      printReceipt: fromPromise<PrintOutcome, PrintReceiptInput>(async ({ input }) => {
        printed.push(input);
        return (fakes.print ?? (async () => ({ ok: true }) as const))(input);
      }),
    },
  });
  const clock = new SimulatedClock();
  const actor = createActor(machine, {
    clock,
    input: { catalogue: testCatalogue, settings: { ...testSettings, ...fakes.settings }, today: () => TODAY },
  });
  actor.start();
  return { actor, clock, saved, printed, looked, staffAlerts };
}

export type Session = ReturnType<typeof startSession>['actor'];

/** Lets the fake actors' promises settle. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function flowState(actor: Session): unknown {
  const value = actor.getSnapshot().value;
  return typeof value === 'object' && 'active' in value ? (value.active as { flow: unknown }).flow : value;
}

export function typeIdentity(actor: Session, identity: Partial<Record<keyof typeof validIdentity, string>> = validIdentity): void {
  for (const [key, value] of Object.entries(identity)) actor.send({ type: 'field.change', path: `identity.${key}`, value });
}

/** Walks a citizen from the attract screen to the identity step of a service. */
export function openService(actor: Session, serviceId: string): void {
  actor.send({ type: 'session.start' });
  actor.send({ type: 'home.newRequest' });
  actor.send({ type: 'service.select', serviceId });
  actor.send({ type: 'flow.next' });
}

/** Walks a citizen with valid answers to the review of the birth-extract service. */
export function reachReview(actor: Session): void {
  openService(actor, 'birth_extract');
  typeIdentity(actor);
  actor.send({ type: 'flow.next' });
  actor.send({ type: 'field.change', path: 'fields.birthCommune', value: 'Berkane' });
  actor.send({ type: 'field.change', path: 'fields.actNumber', value: '1234' });
  actor.send({ type: 'flow.next' });
}

/** Asserts nothing a citizen typed or received remains in the context. */
export function personalDataOf(actor: Session) {
  const { draft, trackingCode, lookupCode, lookupResult, errors, saveFailure, focusPath, smsWhenReady } = actor.getSnapshot().context;
  return { draft, trackingCode, lookupCode, lookupResult, errors, saveFailure, focusPath, smsWhenReady };
}

export const NO_PERSONAL_DATA = {
  draft: null,
  trackingCode: null,
  lookupCode: '',
  lookupResult: null,
  errors: [],
  saveFailure: null,
  focusPath: null,
  smsWhenReady: false,
};
