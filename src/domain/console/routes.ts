import { API_PREFIX } from '../syncProtocol';

/**
 * Every console endpoint, in one table: the back office registers them from it, the console
 * builds its URLs from it, and the cross-office test walks it. Paths are Fastify patterns;
 * everything under `/offices/:officeId` answers 404 to anyone without a role in that office, and
 * 404 for a request or kiosk or staff member of another office, so existence never leaks.
 * Bodies and answers: the schema files beside this one. State changes (POST) need the
 * `x-csrf-token` header (console/session.ts) except `login` and `activate`.
 */
export const CONSOLE_PREFIX = `${API_PREFIX}/console`;

const office = `${CONSOLE_PREFIX}/offices/:officeId`;
const request = `${office}/requests/:requestId`;

export const CONSOLE_ROUTES = {
  /** loginRequestSchema → meResponseSchema (sets the session cookie). */
  login: { method: 'POST', path: `${CONSOLE_PREFIX}/session/login` },
  /** activateRequestSchema → meResponseSchema: chooses the password and signs in. */
  activate: { method: 'POST', path: `${CONSOLE_PREFIX}/session/activate` },
  /** → logoutResponseSchema; ends the session on the server and clears the cookie. */
  logout: { method: 'POST', path: `${CONSOLE_PREFIX}/session/logout` },
  /** → meResponseSchema, or 401 `unauthenticated`. */
  me: { method: 'GET', path: `${CONSOLE_PREFIX}/session/me` },

  /** → queueCountsSchema. */
  queueCounts: { method: 'GET', path: `${office}/queues` },
  /** queueQuerySchema → requestPageSchema; `:queue` is a QueueId. */
  queue: { method: 'GET', path: `${office}/queues/:queue` },
  /** searchQuerySchema → requestPageSchema. */
  search: { method: 'GET', path: `${office}/search` },
  /** eventsQuerySchema → eventsResponseSchema. Like the stream, it does not extend the session's idle time. */
  events: { method: 'GET', path: `${office}/events` },
  /** Server-sent events of consoleEventSchema. */
  eventStream: { method: 'GET', path: `${office}/events/stream` },

  /** → requestDetailSchema (audited as a view of personal data). */
  request: { method: 'GET', path: request },
  /** assignBodySchema → requestDetailSchema. */
  assign: { method: 'POST', path: `${request}/assign` },
  /** releaseBodySchema → requestDetailSchema. */
  release: { method: 'POST', path: `${request}/release` },
  /** checklistBodySchema → requestDetailSchema. */
  checklist: { method: 'POST', path: `${request}/checklist` },
  /** statusBodySchema → requestDetailSchema. */
  status: { method: 'POST', path: `${request}/status` },
  /** refuseBodySchema → requestDetailSchema (chief). */
  refuse: { method: 'POST', path: `${request}/refuse` },
  /** collectBodySchema → requestDetailSchema. */
  collect: { method: 'POST', path: `${request}/collect` },

  /** issueCertificateBodySchema → certificateResponseSchema (chief): render, sign, store, request → ready. */
  certificateIssue: { method: 'POST', path: `${request}/certificate` },
  /** → certificateListSchema: the request's certificates, revoked ones included. */
  certificateList: { method: 'GET', path: `${request}/certificates` },
  /** → application/pdf, the certificate as printed. */
  certificatePdf: { method: 'GET', path: `${request}/certificates/:number/pdf` },
  /** revokeCertificateBodySchema → certificateResponseSchema (chief). */
  certificateRevoke: { method: 'POST', path: `${request}/certificates/:number/revoke` },

  /** → staffListSchema (admin). */
  staffList: { method: 'GET', path: `${office}/staff` },
  /** createStaffBodySchema → activationCodeResponseSchema (admin). */
  staffCreate: { method: 'POST', path: `${office}/staff` },
  /** changeRoleBodySchema → staffResponseSchema (admin). */
  staffRole: { method: 'POST', path: `${office}/staff/:staffId/role` },
  /** → activationCodeResponseSchema (admin). */
  staffResetPassword: { method: 'POST', path: `${office}/staff/:staffId/reset-password` },
  /** → staffResponseSchema (admin). */
  staffRevoke: { method: 'POST', path: `${office}/staff/:staffId/revoke` },

  /** → kioskListSchema. */
  kiosks: { method: 'GET', path: `${office}/kiosks` },
  /** → kioskListSchema (admin). */
  kioskRevoke: { method: 'POST', path: `${office}/kiosks/:kioskId/revoke` },
  /** → enrolmentCodeResponseSchema (admin). */
  enrolmentCode: { method: 'POST', path: `${office}/enrolment-codes` },

  /** → catalogueAdminSchema (admin): the office's services as the kiosks will show them. */
  catalogue: { method: 'GET', path: `${office}/catalogue` },
  /** serviceEditBodySchema → catalogueAdminSchema (admin): a new catalogue version, pulled by the kiosks. */
  catalogueService: { method: 'POST', path: `${office}/catalogue/services/:serviceId` },
  /** → directoryListSchema (src/domain/routing.ts): the bodies requests are forwarded to. */
  directory: { method: 'GET', path: `${office}/directory` },
  /** newBodyInputSchema → directoryBodySchema (admin). */
  directoryAdd: { method: 'POST', path: `${office}/directory` },
  /** → directoryListSchema (admin): no more forwards to it. */
  directoryRemove: { method: 'POST', path: `${office}/directory/:bodyId/remove` },
  /** → forwardListSchema: forwards still unanswered (sent, queued or overdue), oldest first. */
  forwards: { method: 'GET', path: `${office}/forwards` },
  /** → forwardListSchema: where the request's forwards stand. */
  requestForwards: { method: 'GET', path: `${request}/forwards` },
  /** → the document the body returned (application/pdf, image/jpeg or image/png). */
  forwardDocument: { method: 'GET', path: `${request}/forwards/:forwardId/document` },

  /** statisticsQuerySchema → statisticsSchema. */
  statistics: { method: 'GET', path: `${office}/statistics` },
  /** statisticsQuerySchema → text/csv (STATISTICS_CSV_COLUMNS). */
  statisticsCsv: { method: 'GET', path: `${office}/statistics.csv` },
} as const satisfies Record<string, { method: 'GET' | 'POST'; path: string }>;
export type ConsoleRouteName = keyof typeof CONSOLE_ROUTES;

/** Fills a route's `:params`; each value is URL-encoded. Throws on a missing one (a programming error). */
export function consolePath(name: ConsoleRouteName, params: Readonly<Record<string, string>> = {}): string {
  return CONSOLE_ROUTES[name].path.replace(/:([a-zA-Z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`console route ${name} needs :${key}`);
    return encodeURIComponent(value);
  });
}

/**
 * Error codes a console call may answer with (`{ error: { code, message } }`), besides the
 * generic ones of every route (`invalid_body`, `malformed_json`, …).
 */
export const CONSOLE_ERROR_CODES = [
  /** 401: no session, expired, or revoked: sign in again. */
  'unauthenticated',
  /** 403: the CSRF header is missing or wrong. */
  'csrf_failed',
  /** 401: wrong login or password (never says which). */
  'invalid_credentials',
  /** 429: too many failures for this account or this address; `Retry-After` says when to try. */
  'locked_out',
  /** 400: the activation code is unknown, used or expired. */
  'activation_invalid',
  /** 404: nothing there for you (another office's, or nothing at all). */
  'not_found',
  /** 403: your role in this office does not allow it. */
  'role_forbidden',
  /** 409: someone changed the request since you loaded it; reload it. */
  'version_conflict',
  /** 409: the action is not allowed in the request's status or holding (see allowedActions). */
  'action_not_allowed',
  /** 409: the login is taken. */
  'login_taken',
] as const;
export type ConsoleErrorCode = (typeof CONSOLE_ERROR_CODES)[number];
