import { PORTAL_LIMITS } from '../../../src/domain/portal/routes';
import type { MailSender, SmsSender } from './senders';

/** Counted per key in a window (the store's `hitRateLimit`, shared by every instance). */
export interface Throttle {
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;

export interface PortalThrottles {
  /** Codes or links asked for from one client address. */
  startsPerAddress: Throttle;
  /** Codes sent to one number or links to one address: nobody floods a phone through us. */
  sendsPerRecipient: Throttle;
  sendsPerRecipientPerDay: Throttle;
  /** Verifications tried from one address, and for one number (on top of the code's own tries). */
  verifiesPerAddress: Throttle;
  verifiesPerRecipient: Throttle;
}

export const DEFAULT_PORTAL_THROTTLES: PortalThrottles = {
  startsPerAddress: { max: 20, windowMs: 15 * MINUTE },
  sendsPerRecipient: { max: 3, windowMs: 15 * MINUTE },
  sendsPerRecipientPerDay: { max: 10, windowMs: 24 * 60 * MINUTE },
  verifiesPerAddress: { max: 30, windowMs: 15 * MINUTE },
  verifiesPerRecipient: { max: 10, windowMs: 15 * MINUTE },
};

export interface PortalLifetimes {
  codeTtlMs: number;
  codeMaxTries: number;
  emailLinkTtlMs: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
}

export const DEFAULT_PORTAL_LIFETIMES: PortalLifetimes = {
  codeTtlMs: PORTAL_LIMITS.codeTtlSeconds * 1000,
  codeMaxTries: PORTAL_LIMITS.codeMaxTries,
  emailLinkTtlMs: PORTAL_LIMITS.emailLinkTtlSeconds * 1000,
  sessionIdleMs: PORTAL_LIMITS.sessionIdleSeconds * 1000,
  sessionAbsoluteMs: PORTAL_LIMITS.sessionAbsoluteSeconds * 1000,
};

/** What the portal's routes are given by the server (each part has a default; see buildServer). */
export interface PortalSettings {
  /** Keys the code hashes (loginSecrets.ts); the same on every instance. */
  codeSecret: Buffer;
  sms: SmsSender;
  mail: MailSender;
  /** The back office's public address, for the e-mail link (`<publicUrl>/portal/#/login/<token>`); asked at each sending (known once listening). */
  publicUrl: () => string;
  throttles: PortalThrottles;
  lifetimes: PortalLifetimes;
}
