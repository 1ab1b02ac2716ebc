import type { FastifyInstance } from 'fastify';
import { ApiError } from '../service/apiError';

/** Deeper than any body of the protocol (a pushed request nests 3 levels inside the batch). */
export const MAX_JSON_DEPTH = 16;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True when brackets outside strings nest deeper than `max`: checked before parsing, so a hostile body costs one scan. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * JSON is the only body the API reads (anything else is 415). The body must be valid UTF-8
 * (refused rather than patched with U+FFFD), not absurdly nested, and free of `__proto__` and
 * `constructor.prototype` keys (Fastify's parser, told to throw, refuses them).
 */
export function registerStrictJson(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
      done(new ApiError(415, 'unsupported_media_type', 'JSON bodies must be UTF-8.'), undefined);
      return;
    }
    let text: string;
    try {
      // parseAs: 'buffer' always hands over a Buffer; the type covers both parse modes.
      text = utf8.decode(body as Buffer);
    } catch {
      done(new ApiError(400, 'invalid_utf8', 'The body is not valid UTF-8.'), undefined);
      return;
    }
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(new ApiError(400, 'too_deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels.`), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
