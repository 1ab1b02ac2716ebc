import type { z } from 'zod';
import { commandRoute } from './commandRoute';
import { ConsoleApiError, type ConsoleApi } from './consoleApi';
import { catalogueAdminSchema } from '../../../../src/domain/console/catalogueAdmin';
import { certificateListSchema, certificateResponseSchema } from '../../../../src/domain/console/certificates';
import { eventsResponseSchema } from '../../../../src/domain/console/events';
import { enrolmentCodeResponseSchema, kioskListSchema } from '../../../../src/domain/console/fleet';
import { toQueryString } from '../../../../src/domain/console/paging';
import { queueCountsSchema } from '../../../../src/domain/console/queues';
import { requestDetailSchema } from '../../../../src/domain/console/requestDetail';
import { requestPageSchema } from '../../../../src/domain/console/requestRow';
import { consolePath, type ConsoleRouteName, CONSOLE_ROUTES } from '../../../../src/domain/console/routes';
import { CSRF_HEADER, logoutResponseSchema, meResponseSchema, type MeResponse } from '../../../../src/domain/console/session';
import { activationCodeResponseSchema, staffListSchema, staffResponseSchema } from '../../../../src/domain/console/staffAdmin';
import { statisticsSchema } from '../../../../src/domain/console/statistics';
import { directoryBodySchema, directoryListSchema, forwardListSchema } from '../../../../src/domain/routing';

export interface HttpConsoleApiOptions {
  /** The back office's origin; empty for the page's own (the console is served by the back office). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** How often the office's changes are polled while a queue is on screen. */
  pollIntervalMs?: number;
}

type Query = Readonly<Record<string, string | number | undefined>>;

/**
 * The console API over HTTP: the session is an httpOnly cookie the browser sends by itself; the
 * CSRF token (from `me`, `login`, `activate`) goes in a header on every state change. Answers
 * are parsed with the contract's schemas, so a back office of another version fails loudly.
 */
export function createHttpConsoleApi(options: HttpConsoleApiOptions = {}): ConsoleApi {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const pollIntervalMs = options.pollIntervalMs ?? 3_000;
  let csrfToken: string | null = null;
  const sessionEnded = new Set<() => void>();

  const url = (name: ConsoleRouteName, params: Record<string, string> = {}, query: Query = {}) => `${baseUrl}${consolePath(name, params)}${toQueryString(query)}`;

  async function call<T>(name: ConsoleRouteName, schema: z.ZodType<T>, params: Record<string, string> = {}, options: { query?: Query; body?: unknown } = {}): Promise<T> {
    const method = CONSOLE_ROUTES[name].method;
    const headers: Record<string, string> = { accept: 'application/json' };
    // Every POST carries a JSON body (`{}` when the action says nothing): the back office reads JSON only (415 otherwise).
    if (method === 'POST') headers['content-type'] = 'application/json';
    if (method === 'POST' && csrfToken) headers[CSRF_HEADER] = csrfToken;
    const response = await doFetch(url(name, params, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      // Fastify refuses an empty JSON body; an action with nothing to say sends `{}`.
      body: method === 'POST' ? JSON.stringify(options.body ?? {}) : undefined,
    });
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = toError(response, payload);
      // A 401 on an office call means the session is gone; on sign-in it means a wrong password.
      if (error.status === 401 && name !== 'me' && name !== 'login' && name !== 'activate') {
        csrfToken = null;
        for (const listener of sessionEnded) listener();
      }
      throw error;
    }
    return schema.parse(payload);
  }

  const remember = (me: MeResponse) => {
    csrfToken = me.csrfToken;
    return me;
  };

  return {
    async me() {
      try {
        return remember(await call('me', meResponseSchema));
      } catch (error) {
        if (error instanceof ConsoleApiError && error.status === 401) return null;
        throw error;
      }
    },
    login: async (body) => remember(await call('login', meResponseSchema, {}, { body })),
    activate: async (body) => remember(await call('activate', meResponseSchema, {}, { body })),
    async logout() {
      await call('logout', logoutResponseSchema);
      csrfToken = null;
    },
    onSessionEnded(listener) {
      sessionEnded.add(listener);
      return () => sessionEnded.delete(listener);
    },

    queueCounts: (officeId) => call('queueCounts', queueCountsSchema, { officeId }),
    queue: (officeId, queue, paging) => call('queue', requestPageSchema, { officeId, queue }, { query: paging }),
    search: (officeId, query) => call('search', requestPageSchema, { officeId }, { query }),
    watchEvents(officeId, onChange) {
      let cursor: number | undefined;
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const poll = async () => {
        try {
          const answer = await call('events', eventsResponseSchema, { officeId }, { query: { since: cursor } });
          // The first answer only sets the cursor: no history is replayed, nothing to show.
          if (cursor !== undefined && answer.events.length > 0) onChange();
          cursor = answer.cursor;
        } catch {
          // A missed poll is retried at the next tick; the page shows what it has.
        }
        if (!stopped) timer = setTimeout(() => void poll(), pollIntervalMs);
      };
      void poll();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },

    request: (officeId, requestId) => call('request', requestDetailSchema, { officeId, requestId }),
    async command(officeId, requestId, expectedVersion, command) {
      const { route, body } = commandRoute(command, expectedVersion);
      if (route !== 'certificateIssue') return call(route, requestDetailSchema, { officeId, requestId }, { body });
      // Issuing answers the certificate; the page wants the request as it now is (ready).
      await call(route, certificateResponseSchema, { officeId, requestId }, { body });
      return call('request', requestDetailSchema, { officeId, requestId });
    },
    certificates: async (officeId, requestId) => (await call('certificateList', certificateListSchema, { officeId, requestId })).certificates,
    certificatePdfUrl: (officeId, requestId, number) => url('certificatePdf', { officeId, requestId, number }),
    revokeCertificate: async (officeId, requestId, number, reason) =>
      (await call('certificateRevoke', certificateResponseSchema, { officeId, requestId, number }, { body: { reason } })).certificate,

    kiosks: (officeId) => call('kiosks', kioskListSchema, { officeId }),
    revokeKiosk: (officeId, kioskId) => call('kioskRevoke', kioskListSchema, { officeId, kioskId }),
    enrolmentCode: (officeId) => call('enrolmentCode', enrolmentCodeResponseSchema, { officeId }),

    statistics: (officeId, query) => call('statistics', statisticsSchema, { officeId }, { query }),
    statisticsCsvUrl: (officeId, query) => url('statisticsCsv', { officeId }, query),

    staff: async (officeId) => (await call('staffList', staffListSchema, { officeId })).staff,
    createStaff: (officeId, body) => call('staffCreate', activationCodeResponseSchema, { officeId }, { body }),
    changeRole: async (officeId, staffId, role) => (await call('staffRole', staffResponseSchema, { officeId, staffId }, { body: { role } })).staff,
    resetPassword: (officeId, staffId) => call('staffResetPassword', activationCodeResponseSchema, { officeId, staffId }),
    revokeStaff: async (officeId, staffId) => (await call('staffRevoke', staffResponseSchema, { officeId, staffId })).staff,

    catalogue: (officeId) => call('catalogue', catalogueAdminSchema, { officeId }),
    editService: (officeId, serviceId, edit) => call('catalogueService', catalogueAdminSchema, { officeId, serviceId }, { body: edit }),

    directory: async (officeId) => (await call('directory', directoryListSchema, { officeId })).bodies,
    addBody: (officeId, body) => call('directoryAdd', directoryBodySchema, { officeId }, { body }),
    removeBody: async (officeId, bodyId) => (await call('directoryRemove', directoryListSchema, { officeId, bodyId })).bodies,
    forwards: async (officeId) => (await call('forwards', forwardListSchema, { officeId })).forwards,
    requestForwards: async (officeId, requestId) => (await call('requestForwards', forwardListSchema, { officeId, requestId })).forwards,
    forwardDocumentUrl: (officeId, requestId, forwardId) => url('forwardDocument', { officeId, requestId, forwardId }),
  };
}

function toError(response: Response, payload: unknown): ConsoleApiError {
  const error = typeof payload === 'object' && payload !== null && 'error' in payload ? (payload as { error: { code?: unknown; message?: unknown } }).error : null;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ConsoleApiError(
    response.status,
    typeof error?.code === 'string' ? error.code : 'http_error',
    typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}
