import { z } from 'zod';
import {
  API_PREFIX,
  auditPushSchema,
  catalogueResponseSchema,
  changesResponseSchema,
  enrolRequestSchema,
  enrolResponseSchema,
  errorResponseSchema,
  MAX_PUSH_BATCH,
  pushItemSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../../../src/domain/syncProtocol';
import { officeIdentityResponseSchema } from '../../../src/domain/officeIdentity';
import { promptRecordingDeletionSchema, promptRecordingListSchema, promptRecordingSchema, promptRecordingSummarySchema, promptRecordingUploadSchema } from '../../../src/domain/promptRecordings';
import { heartbeatResponseSchema, heartbeatSchema } from '../../../src/domain/heartbeat';
import { auditPushResponseSchema, healthResponseSchema } from '../http/schemas';
import { BODY_LIMITS } from '../routes/deps';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../src/domain/console/session';
import { publicKeySetSchema, verifyRequestSchema, verifyResponseSchema } from '../../../src/domain/certificateToken';
import { consolePaths } from './consolePaths';
import { portalPaths } from './portalPaths';

/**
 * The OpenAPI 3.1 description of the API, generated from the same zod schemas the server
 * validates with, so it cannot drift from the code. Semantics live in docs/sync-protocol.md.
 */
const COMPONENTS = {
  EnrolRequest: [enrolRequestSchema, 'input'],
  EnrolResponse: [enrolResponseSchema, 'output'],
  PushRequest: [pushRequestSchema, 'input'],
  CitizenRequest: [pushItemSchema, 'input'],
  PushResponse: [pushResponseSchema, 'output'],
  ChangesResponse: [changesResponseSchema, 'output'],
  CatalogueResponse: [catalogueResponseSchema, 'output'],
  OfficeIdentityResponse: [officeIdentityResponseSchema, 'output'],
  AuditPush: [auditPushSchema, 'input'],
  AuditPushResponse: [auditPushResponseSchema, 'output'],
  Heartbeat: [heartbeatSchema, 'input'],
  HeartbeatResponse: [heartbeatResponseSchema, 'output'],
  PromptRecordingList: [promptRecordingListSchema, 'output'],
  PromptRecording: [promptRecordingSchema, 'output'],
  PromptRecordingUpload: [promptRecordingUploadSchema, 'input'],
  PromptRecordingSummary: [promptRecordingSummarySchema, 'output'],
  PromptRecordingDeletion: [promptRecordingDeletionSchema, 'output'],
  Health: [healthResponseSchema, 'output'],
  Error: [errorResponseSchema, 'output'],
  PublicKeySet: [publicKeySetSchema, 'output'],
  VerifyRequest: [verifyRequestSchema, 'input'],
  VerifyResponse: [verifyResponseSchema, 'output'],
} as const satisfies Record<string, readonly [z.ZodType, 'input' | 'output']>;

type ComponentName = keyof typeof COMPONENTS;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: ComponentName) => ({ content: { 'application/json': { schema: ref(name) } } });

function errors(...statuses: number[]) {
  const described: Record<number, string> = {
    400: 'Malformed body or query: bad JSON, invalid UTF-8, too deep, schema mismatch',
    401: 'No token, an unknown one or a revoked one',
    403: 'A valid token that may not use this endpoint (wrong kind, office revoked)',
    413: 'Body larger than the limit',
    415: 'Body is not JSON (UTF-8)',
    429: 'Rate limit reached; honour Retry-After',
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { description: described[s] ?? 'Error', ...json('Error') }]));
}

const query = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string', pattern: '^\\d+$' },
});

const deviceAuth = [{ deviceToken: [] }];
const bodyErrors = [400, 401, 403, 413, 415, 429];
const recordingParameters = [
  { name: 'promptId', in: 'path', required: true, schema: { type: 'string' }, description: 'A prompt of assets/audio/manifest.json (e.g. screen.home), or street.<key>: the name of one of the office\'s streets (404 unknown_street otherwise)' },
  { name: 'language', in: 'path', required: true, schema: { type: 'string', enum: ['ar', 'zgh', 'fr', 'en'] } },
];

export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shubbak back office',
      version: '1.0.0',
      description: 'The API the Shubbak kiosks sync with. Semantics: docs/sync-protocol.md. The staff console API (cookie session) is described by src/domain/console/.',
    },
    components: {
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer', description: 'Device token received at enrolment' },
        portalSession: { type: 'http', scheme: 'bearer', description: "A citizen's portal session token (docs/portal.md); never a device token" },
        consoleSession: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `Console session cookie; every POST also needs the session's \`${CSRF_HEADER}\` header`,
        },
      },
      schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([name, [schema, io]]) => [name, jsonSchema(schema, io)])),
    },
    paths: {
      [`${API_PREFIX}/enrol`]: {
        post: {
          summary: 'Enrol a kiosk with a one-time code',
          requestBody: { required: true, ...json('EnrolRequest') },
          responses: { '200': { description: 'The kiosk identity; the token is shown only this once', ...json('EnrolResponse') }, ...errors(400, 401, 403, 413, 415, 429) },
        },
      },
      [`${API_PREFIX}/requests/push`]: {
        post: {
          summary: `Push up to ${MAX_PUSH_BATCH} requests; one outcome per item, in order`,
          description: `Items are parsed one by one as CitizenRequest. Body limit ${BODY_LIMITS.push} bytes.`,
          security: deviceAuth,
          requestBody: { required: true, ...json('PushRequest') },
          responses: { '200': { description: 'Per-item outcomes', ...json('PushResponse') }, ...errors(...bodyErrors) },
        },
      },
      [`${API_PREFIX}/changes`]: {
        get: {
          summary: "Status changes of the kiosk's office after a cursor",
          security: deviceAuth,
          parameters: [query('since', 'Cursor from the previous answer (0 at first)'), query('limit', 'Page size, 1–1000 (default 200)')],
          responses: { '200': { description: 'A page of changes', ...json('ChangesResponse') }, ...errors(400, 401, 403, 429) },
        },
      },
      [`${API_PREFIX}/catalogue`]: {
        get: {
          summary: 'The office catalogue, if newer than the kiosk version',
          security: deviceAuth,
          parameters: [query('since', 'Catalogue version the kiosk holds')],
          responses: { '200': { description: '`catalogue` is null when the kiosk is up to date', ...json('CatalogueResponse') }, ...errors(400, 401, 403, 429) },
        },
      },
      [`${API_PREFIX}/office-identity`]: {
        get: {
          summary: "The office's names per language and logo, if newer than the kiosk version",
          security: deviceAuth,
          parameters: [query('since', 'Office identity version the kiosk holds')],
          responses: { '200': { description: '`identity` is null when the kiosk is up to date or none was set', ...json('OfficeIdentityResponse') }, ...errors(400, 401, 403, 429) },
        },
      },
      [`${API_PREFIX}/audit`]: {
        post: {
          summary: 'Copy supervisor audit entries to the office (idempotent by entry id)',
          security: deviceAuth,
          requestBody: { required: true, ...json('AuditPush') },
          responses: { '200': { description: 'How many entries were new', ...json('AuditPushResponse') }, ...errors(...bodyErrors) },
        },
      },
      [`${API_PREFIX}/prompt-recordings`]: {
        get: {
          summary: "The office's own recordings of the spoken prompts (without the audio)",
          security: deviceAuth,
          responses: { '200': { description: 'One per prompt and language', ...json('PromptRecordingList') }, ...errors(401, 403, 429) },
        },
      },
      [`${API_PREFIX}/prompt-recordings/{promptId}/{language}`]: {
        get: {
          summary: 'One recording, with its audio (base64)',
          security: deviceAuth,
          parameters: recordingParameters,
          responses: { '200': { description: 'The recording', ...json('PromptRecording') }, ...errors(400, 401, 403, 404, 429) },
        },
        post: {
          summary: 'Record a prompt for the office (replaces an earlier recording of it)',
          security: deviceAuth,
          parameters: recordingParameters,
          requestBody: { required: true, ...json('PromptRecordingUpload') },
          responses: { '200': { description: 'The recording as stored', ...json('PromptRecordingSummary') }, ...errors(...bodyErrors) },
        },
        delete: {
          summary: "Delete the office's recording of a prompt (its kiosks say the shipped file again)",
          security: deviceAuth,
          parameters: recordingParameters,
          responses: { '200': { description: 'Whether there was one to delete', ...json('PromptRecordingDeletion') }, ...errors(400, 401, 403, 429) },
        },
      },
      [`${API_PREFIX}/devices/heartbeat`]: {
        post: {
          summary: "The kiosk's sync figures for the office's fleet page (no personal data)",
          security: deviceAuth,
          requestBody: { required: true, ...json('Heartbeat') },
          responses: { '200': { description: 'Recorded as the kiosk\'s latest', ...json('HeartbeatResponse') }, ...errors(...bodyErrors) },
        },
      },
      ...consolePaths(jsonSchema),
      ...portalPaths(jsonSchema),
      [`${API_PREFIX}/keys`]: {
        get: {
          summary: "The back office's public certificate keys, current and retired (docs/certificates.md)",
          responses: { '200': { description: 'Ed25519 public keys, raw, base64url', ...json('PublicKeySet') } },
        },
      },
      [`${API_PREFIX}/verify`]: {
        post: {
          summary: 'Check a certificate token: valid, revoked or forged (public)',
          requestBody: { required: true, ...json('VerifyRequest') },
          responses: { '200': { description: 'The outcome, with the claims to compare with the paper', ...json('VerifyResponse') }, ...errors(400, 413, 415, 429) },
        },
      },
      [`${API_PREFIX}/health`]: {
        get: { summary: 'Liveness', responses: { '200': { description: 'The server is up', ...json('Health') } } },
      },
      [`${API_PREFIX}/openapi.json`]: {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } },
      },
    },
  };
}
