import type { Catalogue, Service } from '../../domain/catalogue';
import type { ContactChoice } from '../../domain/contact';
import type { Locale } from '../../domain/locales';
import type { RefusalReasonCode } from '../../domain/refusalReasons';
import type { RequestDraft } from '../../domain/request';
import type { KioskSettings } from '../../domain/settings';
import type { LocalState, RemoteStatus } from '../../domain/status';
import type { OfferedProof } from '../../domain/statusProof';
import type { FieldError } from '../../domain/validation';

/** The part of the kiosk settings the citizen session reads. */
export type SessionSettings = Pick<KioskSettings, 'idleTimeoutSeconds' | 'idleCountdownSeconds' | 'defaultLocale' | 'enabledLocales'>;

/** What the saving actor receives: the draft as typed, the chosen service and the language. */
export interface SaveRequestInput {
  draft: RequestDraft;
  service: Service;
  catalogueVersion: number;
  locale: Locale;
  /** The citizen's contact choice, when the journey asked for it (the portal does). */
  contact?: ContactChoice;
}

/** What the saving actor answers once the request is durably in the outbox. */
export interface SavedRequest {
  trackingCode: string;
  /** Printed in the receipt's QR code only, so scanning it proves the holder; kept nowhere else. */
  statusToken?: string | null;
}

/** Why a save failed, in the words the citizen's message needs. */
export type SaveFailureReason = 'quota' | 'storage';

/** The last known status of a request, from the local outbox and the statuses pulled from the back office. */
export type StatusLookupResult =
  /**
   * `noMatch`: no request with this code, or a proof that does not open it: one answer for both,
   * so the screen tells no one which codes exist. `throttled`: too many failed proofs on this
   * kiosk; `retryAt` says when it may try again.
   */
  | { found: false; reason: 'noMatch' }
  | { found: false; reason: 'throttled'; retryAt: number; waitMinutes: number }
  | {
      found: true;
      trackingCode: string;
      serviceId: string;
      /** Null when the request was not made on this kiosk (only its back-office status is known). */
      local: LocalState | null;
      /** `reasonCode`: a refusal's category, which the citizen reads in their language before the agent's own words. */
      remote: { status: RemoteStatus; reason: string | null; reasonCode?: RefusalReasonCode | null; changedAt: string } | null;
    };

/** What the lookup actor receives: a canonical tracking code and what the citizen offered as proof. */
export interface StatusLookupInput {
  trackingCode: string;
  proof: OfferedProof;
}

export interface PrintReceiptInput {
  trackingCode: string;
  /** Goes into the receipt's QR code beside the tracking code; null: a QR of the code alone. */
  statusToken: string | null;
  serviceId: string;
  locale: Locale;
  /** The session's catalogue: one pulled mid-session already names the service. */
  catalogue: Catalogue;
}

/**
 * Whether the receipt reached paper. `ok` only when the platform confirms it; the reason is for
 * the supervisor, the citizen sees its PrintProblem.
 */
export type PrintOutcome = { ok: true } | { ok: false; reason: string };

/**
 * What the citizen is told when no confirmed receipt came out: no printer at all, a failure, or
 * a platform that sent the page but cannot tell whether paper came out (a browser's print()).
 */
export type PrintProblem = 'noPrinter' | 'failed' | 'unconfirmed';

export type TrackingCodeError = 'format' | 'checkSymbol';

/** A form step the citizen can come back to from the review. */
export type FormStep = 'identity' | 'fields';

export interface SessionContext {
  catalogue: Catalogue;
  settings: SessionSettings;
  /** Returns today's date (YYYY-MM-DD) on the kiosk clock: the domain never reads the clock itself. */
  today: () => string;
  locale: Locale;
  highContrast: boolean;
  largeText: boolean;
  /** Spoken guidance, turned on from the attract or home screen for this session only. */
  listening: boolean;
  helpRequested: boolean;
  // Everything below is personal or session data: wiped by every reset.
  draft: RequestDraft | null;
  errors: FieldError[];
  /** Set when the citizen came from the review to fix a field: "next" returns to the review. */
  returnToReview: boolean;
  /** The field the citizen chose to edit from the review, focused when the step opens. */
  focusPath: string | null;
  trackingCode: string | null;
  /** Set while the receipt screen shows a print that did not (or may not) reach paper. */
  printProblem: PrintProblem | null;
  /** The receipt's QR token of the request just saved; never stored, gone at reset. */
  statusToken: string | null;
  saveFailure: SaveFailureReason | null;
  lookupCode: string;
  lookupError: TrackingCodeError | null;
  /** The holder's answer as typed (last 4 CIN digits and year of birth). */
  lookupAnswer: string;
  lookupAnswerError: 'format' | null;
  lookupProof: OfferedProof | null;
  lookupResult: StatusLookupResult | null;
  /**
   * "Send me an SMS when my document is ready": asked on the consent step only when a phone was
   * given; false until the citizen says yes (law 09-08: consent is explicit, never presumed).
   */
  smsWhenReady: boolean;
}

export interface SessionInput {
  catalogue: Catalogue;
  settings: SessionSettings;
  today?: () => string;
}

export type SessionEvent =
  | { type: 'session.start' }
  | { type: 'session.reset' }
  | { type: 'home.newRequest' }
  | { type: 'home.checkStatus' }
  | { type: 'service.select'; serviceId: string }
  | { type: 'flow.next' }
  | { type: 'flow.back' }
  | { type: 'field.change'; path: string; value: string }
  | { type: 'review.edit'; path: string }
  | { type: 'consent.accept' }
  | { type: 'contact.choose'; smsWhenReady: boolean }
  | { type: 'save.retry' }
  | { type: 'receipt.print' }
  | { type: 'receipt.finish' }
  | { type: 'lookup.change'; value: string }
  | { type: 'lookup.submit' }
  | { type: 'lookup.answerChange'; value: string }
  | { type: 'lookup.answerSubmit' }
  /** A receipt's QR code read by the camera or a scanner: its code and, on recent receipts, its token. */
  | { type: 'lookup.scanned'; text: string }
  | { type: 'cancel.request' }
  | { type: 'cancel.confirm' }
  | { type: 'cancel.abort' }
  | { type: 'idle.continue' }
  | { type: 'user.activity' }
  | { type: 'locale.change'; locale: Locale }
  | { type: 'display.toggleContrast' }
  | { type: 'display.toggleLargeText' }
  | { type: 'listen.toggle' }
  | { type: 'help.call' }
  | { type: 'help.dismiss' }
  | { type: 'catalogue.update'; catalogue: Catalogue }
  | { type: 'settings.update'; settings: SessionSettings };
