import type { z } from 'zod';
import { catalogueAdminSchema, serviceEditBodySchema } from '../../../src/domain/console/catalogueAdmin';
import { enrolmentCodeResponseSchema, kioskListSchema } from '../../../src/domain/console/fleet';
import { certificateListSchema, certificateResponseSchema, issueCertificateBodySchema, revokeCertificateBodySchema } from '../../../src/domain/console/certificates';
import { eventsResponseSchema } from '../../../src/domain/console/events';
import { queueCountsSchema } from '../../../src/domain/console/queues';
import { assignBodySchema, checklistBodySchema, collectBodySchema, refuseBodySchema, releaseBodySchema, statusBodySchema } from '../../../src/domain/console/requestActions';
import { requestDetailSchema } from '../../../src/domain/console/requestDetail';
import { requestPageSchema } from '../../../src/domain/console/requestRow';
import { CONSOLE_ROUTES, type ConsoleRouteName } from '../../../src/domain/console/routes';
import { activateRequestSchema, loginRequestSchema, logoutResponseSchema, meResponseSchema } from '../../../src/domain/console/session';
import { activationCodeResponseSchema, changeRoleBodySchema, createStaffBodySchema, staffListSchema, staffResponseSchema } from '../../../src/domain/console/staffAdmin';
import { statisticsSchema } from '../../../src/domain/console/statistics';

interface ConsoleOperation {
  summary: string;
  body?: z.ZodType;
  answer?: z.ZodType;
  /** An answer that is not JSON. */
  contentType?: string;
}

/**
 * One line per console route: the zod schemas are the contract (src/domain/console), described
 * here for tools. A route added to CONSOLE_ROUTES without a line here is still listed, by name.
 */
export const CONSOLE_OPERATIONS: Partial<Record<ConsoleRouteName, ConsoleOperation>> = {
  login: { summary: 'Sign in (sets the session cookie)', body: loginRequestSchema, answer: meResponseSchema },
  activate: { summary: 'Choose a password with a one-time activation code, and sign in', body: activateRequestSchema, answer: meResponseSchema },
  logout: { summary: 'End the session', answer: logoutResponseSchema },
  me: { summary: 'The signed-in staff member, their offices and the CSRF token', answer: meResponseSchema },
  queueCounts: { summary: "Every queue's count and the overdue count", answer: queueCountsSchema },
  queue: { summary: 'One page of a work queue', answer: requestPageSchema },
  search: { summary: 'Search by tracking code, CIN, phone or name, with filters', answer: requestPageSchema },
  events: { summary: "The office's request events after a cursor", answer: eventsResponseSchema },
  eventStream: { summary: "The office's request events as server-sent events", contentType: 'text/event-stream' },
  request: { summary: 'The request page (audited as a view of personal data)', answer: requestDetailSchema },
  assign: { summary: 'Take the request', body: assignBodySchema, answer: requestDetailSchema },
  release: { summary: 'Give the request back', body: releaseBodySchema, answer: requestDetailSchema },
  checklist: { summary: 'Tick or untick a document', body: checklistBodySchema, answer: requestDetailSchema },
  status: { summary: 'Start the review, or mark ready', body: statusBodySchema, answer: requestDetailSchema },
  refuse: { summary: 'Refuse with a reason code (chief)', body: refuseBodySchema, answer: requestDetailSchema },
  collect: { summary: 'Record who collected the document', body: collectBodySchema, answer: requestDetailSchema },
  certificateIssue: { summary: 'Issue the certificate: render, sign, store; the request becomes ready (chief)', body: issueCertificateBodySchema, answer: certificateResponseSchema },
  certificateList: { summary: "The request's certificates, revoked ones included", answer: certificateListSchema },
  certificatePdf: { summary: 'The certificate as printed', contentType: 'application/pdf' },
  certificateRevoke: { summary: 'Revoke a certificate: the online check refuses it from then on (chief)', body: revokeCertificateBodySchema, answer: certificateResponseSchema },
  staffList: { summary: "The office's staff (admin)", answer: staffListSchema },
  staffCreate: { summary: 'Add a staff member; answers a one-time activation code (admin)', body: createStaffBodySchema, answer: activationCodeResponseSchema },
  staffRole: { summary: "Change a staff member's role (admin)", body: changeRoleBodySchema, answer: staffResponseSchema },
  staffResetPassword: { summary: 'Reset a password: a new activation code, sessions end (admin)', answer: activationCodeResponseSchema },
  staffRevoke: { summary: 'Remove a staff member from the office (admin)', answer: staffResponseSchema },
  kiosks: { summary: "The office's kiosks with their last heartbeat", answer: kioskListSchema },
  kioskRevoke: { summary: 'Revoke a kiosk (admin)', answer: kioskListSchema },
  enrolmentCode: { summary: 'A one-time enrolment code for a new kiosk (admin)', answer: enrolmentCodeResponseSchema },
  statistics: { summary: 'Requests per day and service, median time to ready, share refused', answer: statisticsSchema },
  statisticsCsv: { summary: 'The statistics as CSV', contentType: 'text/csv' },
  catalogue: { summary: "The office's services as its kiosks show them (admin)", answer: catalogueAdminSchema },
  catalogueService: { summary: "Edit one service (on/off, delay, fee, documents): the office's next catalogue version (admin)", body: serviceEditBodySchema, answer: catalogueAdminSchema },
};

/** OpenAPI path items of the console, with inline JSON schemas. */
export function consolePaths(jsonSchema: (schema: z.ZodType, io: 'input' | 'output') => Record<string, unknown>): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(CONSOLE_ROUTES) as Array<[ConsoleRouteName, (typeof CONSOLE_ROUTES)[ConsoleRouteName]]>) {
    const operation = CONSOLE_OPERATIONS[name] ?? { summary: name };
    const openApiPath = route.path.replace(/:([a-zA-Z]+)/g, '{$1}');
    const parameters = [...route.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const answer = operation.answer ? { 'application/json': { schema: jsonSchema(operation.answer, 'output') } } : { [operation.contentType ?? 'application/json']: {} };
    paths[openApiPath] = {
      ...paths[openApiPath],
      [route.method.toLowerCase()]: {
        summary: operation.summary,
        tags: ['console'],
        security: name === 'login' || name === 'activate' ? [] : [{ consoleSession: [] }],
        ...(parameters.length ? { parameters } : {}),
        ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } } } } : {}),
        responses: { '200': { description: operation.summary, content: answer } },
      },
    };
  }
  return paths;
}
