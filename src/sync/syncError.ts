/** Why a call to the back office failed, as the engine decides what to do next. */
export const SYNC_ERROR_REASONS = [
  /** No connection, DNS, refused, reset: retry after backoff. */
  'network',
  /** No answer in time, or 408: retry after backoff. */
  'timeout',
  /** 5xx: retry after backoff. */
  'server',
  /** 429: retry after the server's Retry-After. */
  'rateLimited',
  /** 401: the device token is unknown or revoked; pause until a supervisor enrols again. */
  'unauthorized',
  /** 403: the device may not do this; pause, a supervisor must look. */
  'forbidden',
  /** 426: this app version is too old for the back office; pause until updated. */
  'upgradeRequired',
  /** Another 4xx for the whole call (400, 404, 413…): a protocol or configuration problem; retry after backoff, drop nothing. */
  'badRequest',
  /** A 2xx whose body does not match the protocol schema. */
  'invalidResponse',
] as const;
export type SyncErrorReason = (typeof SYNC_ERROR_REASONS)[number];

export class SyncError extends Error {
  constructor(
    readonly reason: SyncErrorReason,
    message: string,
    readonly options: { status?: number; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'SyncError';
  }

  get status(): number | null {
    return this.options.status ?? null;
  }

  get retryAfterMs(): number | null {
    return this.options.retryAfterMs ?? null;
  }

  /** Plain data, for the status shown to the supervisor and for logs. */
  toJSON(): { reason: SyncErrorReason; message: string; status: number | null; retryAfterMs: number | null } {
    return { reason: this.reason, message: this.message, status: this.status, retryAfterMs: this.retryAfterMs };
  }
}

/** Errors that pause the engine instead of retrying: retrying cannot fix them without a person. */
export function needsPerson(reason: string): boolean {
  return reason === 'unauthorized' || reason === 'forbidden' || reason === 'upgradeRequired';
}

/** Maps an HTTP status that is not a success to a reason. */
export function reasonForStatus(status: number): SyncErrorReason {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 426) return 'upgradeRequired';
  if (status === 429) return 'rateLimited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'badRequest';
}
