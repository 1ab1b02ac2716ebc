import { findService, type Service } from '../../domain/catalogue';
import { IDENTITY_KEYS, type IdentityKey } from '../../domain/identity';
import { emptyDraft, validateIdentity, validateServiceFields, type RequestDraft } from '../../domain/request';
import type { ContactChoice } from '../../domain/contact';
import type { FieldError } from '../../domain/validation';
import type { KioskSettings } from '../../domain/settings';
import type { FormStep, SaveFailureReason, SessionContext, SessionInput, SessionSettings } from './types';

/** Pure helpers of the session machine: no clock, no storage, no React. */

let isoDayFormat: Intl.DateTimeFormat | null = null;

export function localToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD in the kiosk's own time zone. Built once: building it costs
  // several times more than formatting, and "next" on a step validates against today.
  isoDayFormat ??= new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  return isoDayFormat.format(now);
}

export function sessionSettingsOf(settings: KioskSettings): SessionSettings {
  const { idleTimeoutSeconds, idleCountdownSeconds, defaultLocale, enabledLocales } = settings;
  return { idleTimeoutSeconds, idleCountdownSeconds, defaultLocale, enabledLocales };
}

/** A context with no trace of any citizen: what every reset returns to. */
export function freshContext(input: SessionInput): SessionContext {
  return {
    catalogue: input.catalogue,
    settings: input.settings,
    today: input.today ?? (() => localToday()),
    locale: input.settings.defaultLocale,
    highContrast: false,
    largeText: false,
    listening: false,
    helpRequested: false,
    draft: null,
    errors: [],
    returnToReview: false,
    focusPath: null,
    trackingCode: null,
    printProblem: null,
    statusToken: null,
    saveFailure: null,
    lookupCode: '',
    lookupError: null,
    lookupAnswer: '',
    lookupAnswerError: null,
    lookupProof: null,
    lookupResult: null,
    smsWhenReady: false,
  };
}

export function wipeSession(context: SessionContext): SessionContext {
  return freshContext({ catalogue: context.catalogue, settings: context.settings, today: context.today });
}

export function selectedService(context: Pick<SessionContext, 'catalogue' | 'draft'>): Service | undefined {
  return context.draft ? findService(context.catalogue, context.draft.serviceId) : undefined;
}

export function startDraft(serviceId: string): RequestDraft {
  return emptyDraft(serviceId);
}

function isIdentityKey(key: string): key is IdentityKey {
  return (IDENTITY_KEYS as readonly string[]).includes(key);
}

/** Writes one typed value at `identity.<key>` or `fields.<key>`; unknown paths leave the draft unchanged. */
export function setDraftValue(draft: RequestDraft, path: string, value: string): RequestDraft {
  const [group, key] = path.split('.', 2);
  if (group === 'identity' && key && isIdentityKey(key)) return { ...draft, identity: { ...draft.identity, [key]: value } };
  if (group === 'fields' && key) return { ...draft, fields: { ...draft.fields, [key]: value } };
  return draft;
}

/** Reads the value at `identity.<key>` or `fields.<key>`; empty when nothing was typed there. */
export function draftValue(draft: RequestDraft, path: string): string {
  const [group, key] = path.split('.', 2);
  if (group === 'identity' && key && isIdentityKey(key)) return draft.identity[key] ?? '';
  if (group === 'fields' && key) return draft.fields[key] ?? '';
  return '';
}

export function identityErrors(context: SessionContext): FieldError[] {
  if (!context.draft) return [];
  const result = validateIdentity(context.draft.identity, context.today(), { atEntry: true });
  return result.ok ? [] : result.errors;
}

export function serviceFieldErrors(context: SessionContext): FieldError[] {
  const service = selectedService(context);
  if (!context.draft || !service) return [];
  const result = validateServiceFields(service, context.draft.fields, context.today());
  return result.ok ? [] : result.errors;
}

/** Whether the citizen typed a phone number: without one there is nobody to text, so no question. */
export function gavePhone(context: Pick<SessionContext, 'draft'>): boolean {
  return (context.draft?.identity.phone ?? '').trim() !== '';
}

/**
 * What the request says about messages: the kiosk asks only for an SMS on `ready`/`refused`
 * (never `received`), and only a yes with a phone behind it counts. A phone erased after the yes
 * (back to the identity step) leaves no contact: the choice is read at save time.
 */
export function kioskContactChoice(context: Pick<SessionContext, 'draft' | 'smsWhenReady'>): ContactChoice | undefined {
  return context.smsWhenReady && gavePhone(context) ? { agreed: true, notifyReceived: false } : undefined;
}

export function stepOfPath(path: string): FormStep {
  return path.startsWith('identity.') ? 'identity' : 'fields';
}

export function serviceHasFields(context: SessionContext): boolean {
  return (selectedService(context)?.fields.length ?? 0) > 0;
}

/** The saving actor rejects with whatever storage threw; only a full disk gets its own message. */
export function saveFailureReason(error: unknown): SaveFailureReason {
  const reason = (error as { reason?: unknown } | null)?.reason;
  return reason === 'quota' ? 'quota' : 'storage';
}
