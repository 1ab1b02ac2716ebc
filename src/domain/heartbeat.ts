import { z } from 'zod';

/**
 * What a kiosk tells its back office about itself at the end of a sync cycle, so the office sees
 * a stuck or silent kiosk before a citizen does. Figures only, never personal data: no tracking
 * code, no name, no free text from a request. POST `${API_PREFIX}/devices/heartbeat`.
 */
export const PRINTER_STATES = ['ok', 'noPrinter', 'failed', 'unknown'] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

export const heartbeatSchema = z.strictObject({
  /** The kiosk app's version (package.json), e.g. `0.1.0`. */
  appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/),
  /** Requests waiting to be acknowledged. */
  queueDepth: z.int().nonnegative(),
  oldestPendingAgeSeconds: z.int().nonnegative().nullable(),
  /** Requests the back office refused that a supervisor has not dealt with. */
  rejectedCount: z.int().nonnegative(),
  /** Kiosk clock; the back office keeps its own receipt time beside it. */
  lastSuccessAt: z.iso.datetime().nullable(),
  /** A reason code of the sync engine (`network`, `timeout`, …), never a message. */
  lastError: z.strictObject({ reason: z.string().regex(/^[a-zA-Z]{1,40}$/), at: z.iso.datetime() }).nullable(),
  /** How the last print went; `unknown` before the first. */
  printer: z.enum(PRINTER_STATES),
  /** Bytes the browser says it may still store; null when it cannot say. */
  freeStorageBytes: z.int().nonnegative().nullable(),
  sentAt: z.iso.datetime(),
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const heartbeatResponseSchema = z.strictObject({ ok: z.literal(true) });
