import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { writeSecretFile } from '../store/dataFiles';
import { newCodeSecret } from './loginSecrets';
import { logMailSender, logSmsSender, type MailSender, type SmsSender } from './senders';
import { DEFAULT_PORTAL_LIFETIMES, DEFAULT_PORTAL_THROTTLES, type PortalLifetimes, type PortalSettings, type PortalThrottles } from './settings';

export interface PortalOptions {
  codeSecret?: Buffer;
  sms?: SmsSender;
  mail?: MailSender;
  /** The back office's public address (the e-mail link's), never taken from a request's Host header; `http://localhost` when not said. */
  publicUrl?: string | (() => string);
  throttles?: Partial<PortalThrottles>;
  lifetimes?: Partial<PortalLifetimes>;
}

/**
 * The portal's settings with a default for each part left out: the `log` adapters (the demo:
 * the code is readable in the back office's log, at warn, the default level, so `npm start`
 * shows it) and a code secret made for this process (startBackoffice passes the data folder's).
 */
export function portalSettings(options: PortalOptions | undefined, log: FastifyBaseLogger): PortalSettings {
  const publicUrl = options?.publicUrl ?? 'http://localhost';
  const logLine = (details: Record<string, unknown>, message: string) => log.warn(details, message);
  return {
    codeSecret: options?.codeSecret ?? newCodeSecret(),
    sms: options?.sms ?? logSmsSender(logLine),
    mail: options?.mail ?? logMailSender(logLine),
    publicUrl: typeof publicUrl === 'function' ? publicUrl : () => publicUrl,
    throttles: { ...DEFAULT_PORTAL_THROTTLES, ...options?.throttles },
    lifetimes: { ...DEFAULT_PORTAL_LIFETIMES, ...options?.lifetimes },
  };
}

export const CODE_SECRET_FILE = 'portal-code-secret';

/**
 * The code hashes' key, kept 0600 in the data folder and made on first start: every instance
 * serving one database must share it (copy the file with the signing keys), or a code sent by
 * one instance would be refused by another.
 */
export function loadCodeSecret(dataDir: string): Buffer {
  const file = join(dataDir, CODE_SECRET_FILE);
  if (existsSync(file)) {
    const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (secret.length >= 32) return secret;
  }
  const secret = newCodeSecret();
  writeSecretFile(dataDir, CODE_SECRET_FILE, secret.toString('base64'));
  return secret;
}
