import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { refusalReasonCodeSchema } from '../../../src/domain/refusalReasons';
import { REPLY_DOCUMENT_MAX_BYTES } from '../../../src/domain/routing';
import { API_PREFIX } from '../../../src/domain/syncProtocol';
import { parseOr400 } from '../http/validate';
import { ApiError } from '../service/apiError';
import { answerReplyLink, openReplyLink, type BodyAnswer, type ReplyDeps } from './forwardAnswer';
import { serviceOfRow } from './forwardPlan';
import { replyDonePage, replyErrorPage, replyFormPage } from './replyPage';
import { REPLY_TOKEN_MAX } from './replyToken';

/**
 * The token (≈ 330 characters) is longer than the router's cap on a named parameter (100), so the
 * routes take the rest of the path (`*`) and the token's own check bounds it (REPLY_TOKEN_MAX).
 */
export const REPLY_PAGE_PATH = '/reply/*';
export const REPLY_API_PATH = `${API_PREFIX}/reply/*`;

/** A body answers a few requests a day: 20 tries a minute per address stops token guessing cold. */
export const REPLY_RATE_LIMIT = { max: 20, timeWindow: 60_000 } as const;

/** The form's body: the document and a few short fields; base64 in JSON adds a third. */
const FORM_LIMIT = REPLY_DOCUMENT_MAX_BYTES + 64 * 1024;
const API_LIMIT = Math.ceil((REPLY_DOCUMENT_MAX_BYTES * 4) / 3) + 64 * 1024;

const tokenParams = z.object({ '*': z.string().min(1).max(REPLY_TOKEN_MAX) }).transform((params) => ({ token: params['*'] }));

export const replyApiBodySchema = z.strictObject({
  answer: z.enum(['done', 'refused']),
  reasonCode: refusalReasonCodeSchema.optional(),
  reason: z.string().max(2000).optional(),
  document: z.strictObject({ contentType: z.string().max(100), base64: z.string().max(API_LIMIT) }).optional(),
});

const formSchema = z.object({
  answer: z.enum(['done', 'refused']),
  reasonCode: refusalReasonCodeSchema.optional(),
  reason: z.string().max(2000).optional(),
});

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // The token is in the address: never sent on as a referrer, never framed.
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
};

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply.status(status).headers(PAGE_HEADERS).send(html);
}

/** Errors of the page leave as a page (in both languages); the API's as `{ error: { code, message } }`. */
async function asPage(reply: FastifyReply, work: () => Promise<string>) {
  try {
    return sendPage(reply, 200, await work());
  } catch (error) {
    if (error instanceof ApiError) return sendPage(reply, error.statusCode, replyErrorPage(error.code, error.message));
    throw error;
  }
}

/** The reply link's page and API: public (the signed token is the credential), rate limited per address. */
export function registerReplyRoutes(app: FastifyInstance, deps: ReplyDeps): void {
  const config = { access: 'public' as const, rateLimit: REPLY_RATE_LIMIT };

  app.get(REPLY_PAGE_PATH, { config }, async (request, reply) =>
    asPage(reply, async () => {
      const { token } = parseOr400(tokenParams, request.params, 'invalid_link');
      const { body, trackingCode, serviceId, forward } = await openReplyLink(deps, token);
      const row = (await deps.store.getWorkRow(forward.officeId, forward.requestId))!;
      const service = await serviceOfRow(deps.store, row);
      return replyFormPage({
        token,
        trackingCode,
        serviceName: { fr: service?.name.fr ?? serviceId, ar: service?.name.ar ?? serviceId },
        bodyName: { fr: body.nameFr, ar: body.nameAr },
      });
    }),
  );

  void app.register(async (scope) => {
    // Only this scope reads forms: the rest of the API stays JSON only.
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: FORM_LIMIT }, (_request, body, done) => done(null, body));
    scope.post(REPLY_PAGE_PATH, { config, bodyLimit: FORM_LIMIT }, async (request, reply) =>
      asPage(reply, async () => {
        const { token } = parseOr400(tokenParams, request.params, 'invalid_link');
        const form = await readForm(request.headers['content-type'] ?? '', request.body as Buffer);
        const fields = parseOr400(formSchema, {
          answer: form.get('answer') ?? undefined,
          reasonCode: nonEmpty(form.get('reasonCode')),
          reason: nonEmpty(form.get('reason')),
        });
        const file = form.get('document');
        const document = file instanceof Blob && file.size > 0 ? { bytes: Buffer.from(await file.arrayBuffer()), type: file.type } : undefined;
        const answer: BodyAnswer = { ...fields, document };
        const outcome = await answerReplyLink(deps, token, answer);
        return replyDonePage(outcome.trackingCode, outcome.status);
      }),
    );
  });

  app.post(REPLY_API_PATH, { config, bodyLimit: API_LIMIT }, async (request) => {
    const { token } = parseOr400(tokenParams, request.params, 'invalid_link');
    const body = parseOr400(replyApiBodySchema, request.body);
    const document = body.document ? { bytes: Buffer.from(body.document.base64, 'base64'), type: body.document.contentType } : undefined;
    return answerReplyLink(deps, token, { answer: body.answer, reasonCode: body.reasonCode, reason: body.reason, document });
  });
}

const nonEmpty = (value: FormDataEntryValue | null) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Multipart parsed by the platform's own parser (undici's, behind Response.formData). */
async function readForm(contentType: string, body: Buffer): Promise<FormData> {
  try {
    return await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new ApiError(400, 'invalid_body', 'The form could not be read.');
  }
}
