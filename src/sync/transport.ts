import { z } from 'zod';
import type { CitizenRequest } from '../domain/request';
import {
  API_PREFIX,
  catalogueResponseSchema,
  changesResponseSchema,
  enrolResponseSchema,
  errorResponseSchema,
  pushResponseSchema,
  type ChangesResponse,
  type EnrolRequest,
  type EnrolResponse,
  type PushResponse,
} from '../domain/syncProtocol';
import type { Catalogue } from '../domain/catalogue';
import { officeIdentityResponseSchema, type OfficeIdentity } from '../domain/officeIdentity';
import { heartbeatResponseSchema, type Heartbeat } from '../domain/heartbeat';
import type { Locale } from '../domain/locales';
import {
  PROMPT_RECORDINGS_PATH,
  promptRecordingDeletionSchema,
  promptRecordingListSchema,
  promptRecordingSchema,
  promptRecordingSummarySchema,
  WITH_ORIGIN_QUERY,
  type ListedPromptRecording,
  type PromptRecording,
  type PromptRecordingSummary,
  type PromptRecordingUpload,
} from '../domain/promptRecordings';
import { parseRetryAfter } from './backoff';
import { SyncError, reasonForStatus } from './syncError';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface TransportOptions {
  /** Origin (and optional path) of the back office, from the settings. */
  baseUrl: string;
  /** Device token; absent only for enrolment. */
  token?: string | null;
  /** Whole call, answer body included: a server that sends headers then stalls is a timeout too. */
  timeoutMs: number;
  fetch: FetchLike;
  now?: () => number;
  timers?: Timers;
  /**
   * Where `push` sends, relative to API_PREFIX: the kiosk's `/requests/push` by default. The
   * portal sends the same body to its own route (`/portal/requests`) with its session's token.
   */
  pushPath?: string;
  /** What each pushed request travels as: itself by default; the portal wraps it with the office chosen for it. */
  pushItems?: (requests: readonly CitizenRequest[]) => Promise<unknown[]>;
}

export interface AuditEntryWire {
  id: string;
  at: string;
  action: string;
  detail: string;
}

export interface Transport {
  enrol(request: EnrolRequest, signal?: AbortSignal): Promise<EnrolResponse>;
  push(items: readonly CitizenRequest[], signal?: AbortSignal): Promise<PushResponse>;
  changes(since: number, limit: number, signal?: AbortSignal): Promise<ChangesResponse>;
  catalogue(sinceVersion: number, signal?: AbortSignal): Promise<Catalogue | null>;
  officeIdentity(sinceVersion: number, signal?: AbortSignal): Promise<OfficeIdentity | null>;
  pushAudit(entries: readonly AuditEntryWire[], signal?: AbortSignal): Promise<void>;
  heartbeat(heartbeat: Heartbeat, signal?: AbortSignal): Promise<void>;
  /** The office's own prompt recordings, without their audio. */
  /** The office's takes, each with who made it (staff, or the back office's synthesis of a street name). */
  promptRecordings(signal?: AbortSignal): Promise<ListedPromptRecording[]>;
  promptRecording(promptId: string, language: Locale, signal?: AbortSignal): Promise<PromptRecording>;
  uploadPromptRecording(promptId: string, language: Locale, upload: PromptRecordingUpload, signal?: AbortSignal): Promise<PromptRecordingSummary>;
  /** True when the office had that recording; false when it was already gone. */
  deletePromptRecording(promptId: string, language: Locale, signal?: AbortSignal): Promise<boolean>;
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Joins the configured base (which may carry a path) and an API path. */
export function apiUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${API_PREFIX}${path}`;
}

/**
 * The only code that speaks HTTP to the back office. Every call has a timeout (AbortController),
 * every failure becomes a `SyncError` with a reason the engine acts on, and every answer is
 * parsed with the protocol's zod schema: a server is never trusted.
 */
export function createTransport(options: TransportOptions): Transport {
  const now = options.now ?? Date.now;
  const timers = options.timers ?? defaultTimers;

  async function call<S extends z.ZodType>(method: 'GET' | 'POST' | 'DELETE', path: string, body: unknown, schema: S, outer?: AbortSignal): Promise<z.infer<S>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = timers.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    const abortFromOutside = () => controller.abort();
    if (outer?.aborted) controller.abort();
    outer?.addEventListener('abort', abortFromOutside);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    try {
      if (controller.signal.aborted) throw new SyncError('timeout', 'call abandoned');
      let response: Response;
      try {
        response = await options.fetch(apiUrl(options.baseUrl, path), {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
          // A GET must never be answered from the HTTP cache. A POST never is, and `no-store` on it
          // would also skip Chromium's CORS preflight cache: one more round trip per push batch.
          cache: method === 'GET' ? 'no-store' : 'default',
        });
      } catch (error) {
        throw controller.signal.aborted
          ? new SyncError('timeout', timedOut ? `no answer within ${options.timeoutMs} ms` : 'call abandoned', { cause: error })
          : new SyncError('network', 'back office unreachable', { cause: error });
      }
      const text = await readBody(response, controller.signal, timedOut, options.timeoutMs);
      if (!response.ok) throw failure(response, text, now());
      return parseBody(text, schema);
    } finally {
      timers.clearTimeout(timer);
      outer?.removeEventListener('abort', abortFromOutside);
    }
  }

  return {
    enrol: (request, signal) => call('POST', '/enrol', request, enrolResponseSchema, signal),
    push: async (items, signal) =>
      call('POST', options.pushPath ?? '/requests/push', { items: options.pushItems ? await options.pushItems(items) : items }, pushResponseSchema, signal),
    changes: (since, limit, signal) =>
      call('GET', `/changes?since=${encodeURIComponent(since)}&limit=${encodeURIComponent(limit)}`, undefined, changesResponseSchema, signal),
    catalogue: async (sinceVersion, signal) =>
      (await call('GET', `/catalogue?since=${encodeURIComponent(sinceVersion)}`, undefined, catalogueResponseSchema, signal)).catalogue,
    officeIdentity: async (sinceVersion, signal) =>
      (await call('GET', `/office-identity?since=${encodeURIComponent(sinceVersion)}`, undefined, officeIdentityResponseSchema, signal)).identity,
    pushAudit: async (entries, signal) => {
      await call('POST', '/audit', { entries }, anyJsonSchema, signal);
    },
    heartbeat: async (heartbeat, signal) => {
      await call('POST', '/devices/heartbeat', heartbeat, heartbeatResponseSchema, signal);
    },
    promptRecordings: async (signal) => (await call('GET', `${RECORDINGS}?${WITH_ORIGIN_QUERY}`, undefined, promptRecordingListSchema, signal)).recordings,
    promptRecording: (promptId, language, signal) =>
      call('GET', `${RECORDINGS}/${encodeURIComponent(promptId)}/${encodeURIComponent(language)}`, undefined, promptRecordingSchema, signal),
    uploadPromptRecording: (promptId, language, upload, signal) =>
      call('POST', `${RECORDINGS}/${encodeURIComponent(promptId)}/${encodeURIComponent(language)}`, upload, promptRecordingSummarySchema, signal),
    deletePromptRecording: async (promptId, language, signal) =>
      (await call('DELETE', `${RECORDINGS}/${encodeURIComponent(promptId)}/${encodeURIComponent(language)}`, undefined, promptRecordingDeletionSchema, signal)).deleted,
  };
}

/** Relative to API_PREFIX, like the other paths of this file. */
const RECORDINGS = PROMPT_RECORDINGS_PATH.slice(API_PREFIX.length);

/** The audit endpoint's answer carries nothing the kiosk needs; a 2xx is the acknowledgement. */
const anyJsonSchema = z.unknown();

async function readBody(response: Response, signal: AbortSignal, timedOut: boolean, timeoutMs: number): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (signal.aborted) throw new SyncError('timeout', timedOut ? `answer not finished within ${timeoutMs} ms` : 'call abandoned', { cause: error });
    throw new SyncError('network', 'connection lost while reading the answer', { cause: error });
  }
}

function failure(response: Response, text: string, now: number): SyncError {
  const reason = reasonForStatus(response.status);
  let message = `HTTP ${response.status}`;
  try {
    const parsed = errorResponseSchema.safeParse(JSON.parse(text));
    if (parsed.success) message = `${parsed.data.error.code}: ${parsed.data.error.message}`;
  } catch {
    // Not JSON (a proxy's HTML page): the status says enough.
  }
  return new SyncError(reason, message, { status: response.status, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now) });
}

function parseBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch (error) {
    throw new SyncError('invalidResponse', 'answer is not JSON', { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncError('invalidResponse', `answer does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
