import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../service/apiError';

/** Fastify's own 4xx errors, renamed to the codes documented in docs/sync-protocol.md. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_content_length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_BAD_URL: 'bad_url',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
};

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/**
 * Every error leaves as `{ error: { code, message } }`. A 4xx says what was wrong with the
 * request; anything else is logged in full and leaves as a bare 500: never a stack trace, a
 * SQL message or a file path to a client.
 */
export function handleError(error: FastifyError | ApiError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof ApiError) {
    void reply.status(error.statusCode).send(errorBody(error.code, error.message));
    return;
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    const fastifyCode = 'code' in error && typeof error.code === 'string' ? error.code : '';
    void reply.status(status).send(errorBody(FASTIFY_CODES[fastifyCode] ?? 'bad_request', error.message));
    return;
  }
  request.log.error({ err: error }, 'request failed');
  void reply.status(500).send(errorBody('internal_error', 'The back office could not complete the request.'));
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(404).send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
}
