import type { Service } from '../../../src/domain/catalogue';
import { emptyDraft, validateIdentity, validateServiceFields, type RequestDraft } from '../../../src/domain/request';
import type { FieldError } from '../../../src/domain/validation';
import type { ContactChoice } from '../../../src/domain/contact';

/**
 * The steps of a request on the portal, in order. The same draft and the same checks as the
 * kiosk's session (src/domain/request.ts), without the kiosk's idle wipe: the phone is the
 * citizen's own, and a half-filled request may wait while they find their card.
 */
export const JOURNEY_STEPS = ['service', 'office', 'identity', 'fields', 'consent', 'review', 'saving', 'receipt', 'saveFailed'] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

export interface SavedReceipt {
  trackingCode: string;
  statusToken: string | null;
}

export interface JourneyState {
  step: JourneyStep;
  officeId: string | null;
  draft: RequestDraft;
  /** Errors of the step on screen, by path (`identity.cin`), shown after "Next". */
  errors: Record<string, FieldError['code']>;
  receipt: SavedReceipt | null;
  saveFailure: 'quota' | 'storage' | null;
  /** The citizen's choice of messages (contact.ts), made with the consent. */
  contact: ContactChoice | null;
}

export type JourneyEvent =
  | { type: 'service.choose'; serviceId: string }
  | { type: 'office.choose'; officeId: string }
  | { type: 'field.input'; path: string; value: string }
  | { type: 'step.next'; service: Service; today: string }
  | { type: 'step.back'; service: Service | null }
  | { type: 'step.edit'; step: 'identity' | 'fields' | 'office' }
  | { type: 'consent.accept'; contact: ContactChoice | null }
  | { type: 'save.start' }
  | { type: 'save.done'; receipt: SavedReceipt }
  | { type: 'save.failed'; reason: 'quota' | 'storage' }
  | { type: 'journey.restart' };

export const initialJourney: JourneyState = { step: 'service', officeId: null, draft: emptyDraft(''), errors: {}, receipt: null, saveFailure: null, contact: null };

const hasFields = (service: Service) => service.fields.length > 0;

function errorsByPath(errors: readonly FieldError[]): Record<string, FieldError['code']> {
  return Object.fromEntries(errors.map((error) => [error.path, error.code]));
}

export function journeyReducer(state: JourneyState, event: JourneyEvent): JourneyState {
  switch (event.type) {
    case 'service.choose':
      // A new service keeps the identity typed so far but not another service's fields.
      return { ...state, step: 'office', draft: { ...emptyDraft(event.serviceId), identity: state.draft.identity }, errors: {} };
    case 'office.choose':
      return { ...state, step: 'identity', officeId: event.officeId, errors: {} };
    case 'field.input': {
      const [group, key] = event.path.split('.') as ['identity' | 'fields', string];
      const draft = { ...state.draft, [group]: { ...state.draft[group], [key]: event.value } };
      const { [event.path]: _fixed, ...errors } = state.errors;
      return { ...state, draft, errors };
    }
    case 'step.next':
      return next(state, event.service, event.today);
    case 'step.back':
      return back(state, event.service);
    case 'step.edit':
      return { ...state, step: event.step, errors: {} };
    case 'consent.accept':
      return state.step === 'consent' ? { ...state, step: 'review', contact: event.contact } : state;
    case 'save.start':
      return state.step === 'review' || state.step === 'saveFailed' ? { ...state, step: 'saving', saveFailure: null } : state;
    case 'save.done':
      return { ...state, step: 'receipt', receipt: event.receipt };
    case 'save.failed':
      return { ...state, step: 'saveFailed', saveFailure: event.reason };
    case 'journey.restart':
      return initialJourney;
  }
}

function next(state: JourneyState, service: Service, today: string): JourneyState {
  if (state.step === 'identity') {
    const checked = validateIdentity(state.draft.identity, today, { atEntry: true });
    if (!checked.ok) return { ...state, errors: errorsByPath(checked.errors) };
    return { ...state, step: hasFields(service) ? 'fields' : 'consent', errors: {} };
  }
  if (state.step === 'fields') {
    const checked = validateServiceFields(service, state.draft.fields, today);
    if (!checked.ok) return { ...state, errors: errorsByPath(checked.errors) };
    return { ...state, step: 'consent', errors: {} };
  }
  return state;
}

function back(state: JourneyState, service: Service | null): JourneyState {
  const previous: Partial<Record<JourneyStep, JourneyStep>> = {
    office: 'service',
    identity: 'office',
    fields: 'identity',
    consent: service && hasFields(service) ? 'fields' : 'identity',
    review: 'consent',
    saveFailed: 'review',
  };
  const step = previous[state.step];
  return step ? { ...state, step, errors: {} } : state;
}
