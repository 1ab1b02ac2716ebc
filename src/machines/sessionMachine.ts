import { assign, fromPromise, not, raise, setup, stateIn } from 'xstate';
import { checkTrackingCode } from '../domain/trackingCode';
import { printProblemOf } from './session/printing';
import { normalizeAnswer, parseReceiptQr } from '../domain/statusProof';
import { acceptedAnswer, acceptedLookupCode, refusedLookupCode, scannedReceipt, typedAnswer, typedLookupCode } from './session/lookup';
import {
  freshContext,
  identityErrors,
  kioskContactChoice,
  saveFailureReason,
  selectedService,
  serviceFieldErrors,
  serviceHasFields,
  setDraftValue,
  startDraft,
  stepOfPath,
  wipeSession,
} from './session/draft';
import type {
  PrintOutcome,
  PrintReceiptInput,
  SavedRequest,
  SaveRequestInput,
  SessionContext,
  SessionEvent,
  SessionInput,
  StatusLookupInput,
  StatusLookupResult,
} from './session/types';

/**
 * The citizen session: one machine whose states are the screens.
 *
 * attract → home → catalogue → service → identity → fields → review → consent → saving → receipt (prints on entry)
 *                 ↘ lookup (check a request)
 * Anywhere but attract, three regions run side by side: the flow, the idle watch ("still
 * there?" then reset) and the cancel confirmation. Every way back to attract wipes the context.
 * Side effects (saving, status lookup, printing) are actors provided by the composition root.
 */

function notProvided(name: string): never {
  throw new Error(`${name} is provided by the composition root (sessionMachine.provide)`);
}

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
  },
  actors: {
    saveRequest: fromPromise<SavedRequest, SaveRequestInput>(async () => notProvided('saveRequest')),
    lookupStatus: fromPromise<StatusLookupResult, StatusLookupInput>(async () => notProvided('lookupStatus')),
    printReceipt: fromPromise<PrintOutcome, PrintReceiptInput>(async () => notProvided('printReceipt')),
  },
  delays: {
    idleTimeout: ({ context }) => context.settings.idleTimeoutSeconds * 1000,
    idleCountdown: ({ context }) => context.settings.idleCountdownSeconds * 1000,
  },
  guards: {
    isEnabledLocale: ({ context, event }) => event.type === 'locale.change' && context.settings.enabledLocales.includes(event.locale),
    isKnownService: ({ context, event }) =>
      event.type === 'service.select' && context.catalogue.services.some((s) => s.id === event.serviceId && s.active),
    identityInvalid: ({ context }) => identityErrors(context).length > 0,
    serviceFieldsInvalid: ({ context }) => serviceFieldErrors(context).length > 0,
    returningToReview: ({ context }) => context.returnToReview,
    serviceHasFields: ({ context }) => serviceHasFields(context),
    editsIdentity: ({ event }) => event.type === 'review.edit' && stepOfPath(event.path) === 'identity',
    trackingCodeWellFormed: ({ context }) => checkTrackingCode(context.lookupCode).ok,
    answerWellFormed: ({ context }) => normalizeAnswer(context.lookupAnswer) !== null,
    scannedWithToken: ({ event }) => event.type === 'lookup.scanned' && (parseReceiptQr(event.text)?.token ?? null) !== null,
    scannedWithoutToken: ({ event }) => event.type === 'lookup.scanned' && parseReceiptQr(event.text)?.token === null,
    lookupFound: (_, output: StatusLookupResult) => output.found,
    saving: stateIn({ active: { flow: 'saving' } }),
    printed: ({ event }) => (event as { output?: PrintOutcome }).output?.ok === true,
  },
  actions: {
    wipeSession: assign(({ context }) => wipeSession(context)),
    restartIdleWatch: raise({ type: 'user.activity' }),
    changeLocale: assign({ locale: ({ context, event }) => (event.type === 'locale.change' ? event.locale : context.locale) }),
    toggleContrast: assign({ highContrast: ({ context }) => !context.highContrast }),
    toggleLargeText: assign({ largeText: ({ context }) => !context.largeText }),
    toggleListening: assign({ listening: ({ context }) => !context.listening }),
    callHelp: assign({ helpRequested: true }),
    // Inside the citizen's tap: the composition root chimes (a browser plays sound on a gesture) and records the call.
    alertStaff: () => notProvided('alertStaff'),
    dismissHelp: assign({ helpRequested: false }),
    updateCatalogue: assign({ catalogue: ({ context, event }) => (event.type === 'catalogue.update' ? event.catalogue : context.catalogue) }),
    updateSettings: assign({ settings: ({ context, event }) => (event.type === 'settings.update' ? event.settings : context.settings) }),
    startDraft: assign({
      // Choosing the same service again keeps what was typed; another service starts afresh.
      draft: ({ context, event }) =>
        event.type === 'service.select' && context.draft?.serviceId !== event.serviceId ? startDraft(event.serviceId) : context.draft,
      errors: [],
    }),
    changeField: assign(({ context, event }) => {
      if (event.type !== 'field.change' || !context.draft) return {};
      return {
        draft: setDraftValue(context.draft, event.path, event.value),
        // The error next to a field goes away as soon as the citizen corrects it.
        errors: context.errors.filter((error) => error.path !== event.path),
      };
    }),
    showIdentityErrors: assign({ errors: ({ context }) => identityErrors(context) }),
    showServiceFieldErrors: assign({ errors: ({ context }) => serviceFieldErrors(context) }),
    clearErrors: assign({ errors: [], focusPath: null }),
    leaveEdit: assign({ returnToReview: false, focusPath: null, errors: [] }),
    beginEdit: assign({
      returnToReview: true,
      focusPath: ({ event }) => (event.type === 'review.edit' ? event.path : null),
      errors: [],
    }),
    rememberTrackingCode: assign((_, output: SavedRequest) => ({ trackingCode: output.trackingCode, statusToken: output.statusToken ?? null, saveFailure: null })),
    rememberSaveFailure: assign({ saveFailure: (_, error: unknown) => saveFailureReason(error) }),
    changeLookupCode: assign(({ context, event }) => (event.type === 'lookup.change' ? typedLookupCode(event.value) : { lookupCode: context.lookupCode })),
    showLookupError: assign(({ context }) => refusedLookupCode(context.lookupCode)),
    normalizeLookupCode: assign(({ context }) => acceptedLookupCode(context.lookupCode)),
    rememberPrintProblem: assign({ printProblem: (_, outcome: PrintOutcome) => printProblemOf(outcome) }),
    forgetPrintProblem: assign({ printProblem: null }),
    rememberLookupResult: assign({ lookupResult: (_, output: StatusLookupResult) => output }),
    changeLookupAnswer: assign(({ context, event }) => (event.type === 'lookup.answerChange' ? typedAnswer(event.value) : { lookupAnswer: context.lookupAnswer })),
    acceptLookupAnswer: assign(({ context }) => acceptedAnswer(context.lookupAnswer)),
    acceptScannedReceipt: assign(({ event }) => (event.type === 'lookup.scanned' ? scannedReceipt(event.text) : {})),
    // The answer is personal: forgotten as soon as the lookup has used it.
    forgetLookupProof: assign({ lookupAnswer: '', lookupProof: null }),
    chooseSms: assign({ smsWhenReady: ({ context, event }) => (event.type === 'contact.choose' ? event.smsWhenReady : context.smsWhenReady) }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => freshContext(input),
  initial: 'attract',
  on: {
    'locale.change': { guard: 'isEnabledLocale', actions: 'changeLocale' },
    'display.toggleContrast': { actions: 'toggleContrast' },
    'display.toggleLargeText': { actions: 'toggleLargeText' },
    'listen.toggle': { actions: 'toggleListening' },
    'help.call': { actions: ['callHelp', 'alertStaff'] },
    'help.dismiss': { actions: 'dismissHelp' },
    'catalogue.update': { actions: 'updateCatalogue' },
    'settings.update': { actions: 'updateSettings' },
    // A supervisor opening the console: staff must not see the citizen's data.
    'session.reset': { target: '.attract', actions: 'wipeSession' },
  },
  states: {
    attract: {
      entry: 'wipeSession',
      on: { 'session.start': 'active' },
    },
    active: {
      type: 'parallel',
      states: {
        flow: {
          initial: 'home',
          states: {
            home: {
              on: { 'home.newRequest': 'catalogue', 'home.checkStatus': 'lookup', 'flow.back': '#session.attract' },
            },
            catalogue: {
              on: {
                'service.select': { guard: 'isKnownService', target: 'service', actions: 'startDraft' },
                'flow.back': 'home',
              },
            },
            service: {
              on: { 'flow.next': 'identity', 'flow.back': 'catalogue' },
            },
            identity: {
              on: {
                'field.change': { actions: 'changeField' },
                'flow.next': [
                  { guard: 'identityInvalid', actions: 'showIdentityErrors' },
                  { guard: 'returningToReview', target: 'review' },
                  { guard: 'serviceHasFields', target: 'fields', actions: 'clearErrors' },
                  { target: 'review' },
                ],
                'flow.back': [{ guard: 'returningToReview', target: 'review' }, { target: 'service', actions: 'clearErrors' }],
              },
            },
            fields: {
              on: {
                'field.change': { actions: 'changeField' },
                'flow.next': [{ guard: 'serviceFieldsInvalid', actions: 'showServiceFieldErrors' }, { target: 'review' }],
                'flow.back': [{ guard: 'returningToReview', target: 'review' }, { target: 'identity', actions: 'clearErrors' }],
              },
            },
            review: {
              entry: 'leaveEdit',
              on: {
                'review.edit': [
                  { guard: 'editsIdentity', target: 'identity', actions: 'beginEdit' },
                  { target: 'fields', actions: 'beginEdit' },
                ],
                'flow.next': 'consent',
                'flow.back': [{ guard: 'serviceHasFields', target: 'fields' }, { target: 'identity' }],
              },
            },
            consent: {
              on: { 'consent.accept': 'saving', 'contact.choose': { actions: 'chooseSms' }, 'flow.back': 'review' },
            },
            saving: {
              // The citizen waits for the durable write; the idle watch starts again from its end.
              exit: 'restartIdleWatch',
              invoke: {
                src: 'saveRequest',
                input: ({ context }): SaveRequestInput => {
                  const contact = kioskContactChoice(context);
                  return {
                    draft: context.draft!,
                    service: selectedService(context)!,
                    catalogueVersion: context.catalogue.version,
                    locale: context.locale,
                    ...(contact ? { contact } : {}),
                  };
                },
                onDone: { target: 'receipt', actions: { type: 'rememberTrackingCode', params: ({ event }) => event.output } },
                onError: { target: 'saveFailed', actions: { type: 'rememberSaveFailure', params: ({ event }: { event: { error: unknown } }) => event.error } },
              },
            },
            saveFailed: {
              // The draft is kept: the citizen retries, goes back to the review, or calls staff.
              on: { 'save.retry': 'saving', 'flow.back': 'review' },
            },
            receipt: {
              // The receipt prints by itself as the screen opens; the citizen may ask again after.
              initial: 'printing',
              on: { 'receipt.finish': '#session.attract' },
              states: {
                printing: {
                  entry: 'forgetPrintProblem',
                  invoke: {
                    src: 'printReceipt',
                    input: ({ context }): PrintReceiptInput => ({
                      trackingCode: context.trackingCode!,
                      statusToken: context.statusToken,
                      serviceId: context.draft!.serviceId,
                      locale: context.locale,
                      catalogue: context.catalogue,
                    }),
                    onDone: [
                      { guard: 'printed', target: 'printed' },
                      { target: 'printFailed', actions: { type: 'rememberPrintProblem', params: ({ event }) => event.output } },
                    ],
                    onError: { target: 'printFailed', actions: { type: 'rememberPrintProblem', params: () => ({ ok: false, reason: 'failed' }) } },
                  },
                },
                printed: { on: { 'receipt.print': 'printing' } },
                printFailed: { on: { 'receipt.print': 'printing' } },
              },
            },
            lookup: {
              initial: 'entering',
              on: { 'flow.back': 'home' },
              states: {
                entering: {
                  on: {
                    'lookup.change': { actions: 'changeLookupCode' },
                    'lookup.submit': [
                      { guard: 'trackingCodeWellFormed', target: 'proving', actions: 'normalizeLookupCode' },
                      { actions: 'showLookupError' },
                    ],
                    'lookup.scanned': [
                      { guard: 'scannedWithToken', target: 'searching', actions: 'acceptScannedReceipt' },
                      { guard: 'scannedWithoutToken', target: 'proving', actions: 'acceptScannedReceipt' },
                      { actions: 'acceptScannedReceipt' },
                    ],
                  },
                },
                /** Only the holder knows the answer: nobody can step through codes reading statuses. */
                proving: {
                  on: {
                    'lookup.answerChange': { actions: 'changeLookupAnswer' },
                    'lookup.answerSubmit': [
                      { guard: 'answerWellFormed', target: 'searching', actions: 'acceptLookupAnswer' },
                      { actions: 'acceptLookupAnswer' },
                    ],
                    'flow.back': 'entering',
                  },
                },
                searching: {
                  invoke: {
                    src: 'lookupStatus',
                    input: ({ context }): StatusLookupInput => ({ trackingCode: context.lookupCode, proof: context.lookupProof ?? { kind: 'answer', answer: '' } }),
                    onDone: [
                      {
                        guard: { type: 'lookupFound', params: ({ event }) => event.output },
                        target: 'result',
                        actions: [{ type: 'rememberLookupResult', params: ({ event }) => event.output }, 'forgetLookupProof'],
                      },
                      { target: 'refused', actions: [{ type: 'rememberLookupResult', params: ({ event }) => event.output }, 'forgetLookupProof'] },
                    ],
                    onError: 'failed',
                  },
                },
                result: { on: { 'flow.back': 'entering' } },
                refused: { on: { 'flow.back': 'entering' } },
                failed: { on: { 'lookup.submit': 'searching', 'flow.back': 'entering' } },
              },
            },
          },
        },
        idle: {
          initial: 'watching',
          states: {
            watching: {
              // A reset mid-write would hide the tracking code of a request that still gets committed.
              after: { idleTimeout: { guard: not('saving'), target: 'countdown' } },
              on: { 'user.activity': { target: 'watching', reenter: true } },
            },
            countdown: {
              after: { idleCountdown: '#session.attract' },
              on: { 'idle.continue': 'watching', 'user.activity': 'watching' },
            },
          },
        },
        cancel: {
          initial: 'closed',
          states: {
            closed: { on: { 'cancel.request': 'confirming' } },
            confirming: { on: { 'cancel.confirm': '#session.attract', 'cancel.abort': 'closed' } },
          },
        },
      },
    },
  },
});

export type SessionMachine = typeof sessionMachine;
