import type { FastifyInstance } from 'fastify';
import { ApiError } from '../service/apiError';

/** Deeper than any body of the protocol (a pushed request nests 3 levels inside the batch). */
export const MAX_JSON_DEPTH = 16;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Members (array items, object keys) of JSON bodies. A push batch is at most 1000 items, an audit
 * push 500 entries, an object a few dozen keys; a legitimate push of 1000 requests has about
 * 25,000 members in all (up to 86,000 with 64 fields each). Far above that, one container of
 * 10,000 or a body of 100,000 is refused before parsing: parsing (and later enumerating) a
 * 150,000-key object costs hundreds of milliseconds of the event loop.
 */
export const MAX_JSON_MEMBERS = { perContainer: 10_000, total: 100_000 } as const;

/**
 * What is wrong with the body's shape, found in ONE scan of the text before it is parsed:
 * brackets nested deeper than `maxDepth`, or a container with more than `maxMembers` members
 * (counted by commas outside strings). Parsing a 150,000-key object costs far more than
 * refusing it here; so does enumerating its keys afterwards.
 */
export function jsonShapeProblem(
  text: string,
  limits: { maxDepth: number; maxMembers: number; maxTotalMembers: number },
): 'tooDeep' | 'tooWide' | null {
  const members: number[] = [];
  let total = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (members.push(1) > limits.maxDepth) return 'tooDeep';
    } else if (c === 0x7d || c === 0x5d) members.pop();
    else if (c === 0x2c && members.length > 0) {
      const depth = members.length - 1;
      if (++members[depth]! > limits.maxMembers || ++total > limits.maxTotalMembers) return 'tooWide';
    }
  }
  return null;
}

/** True when brackets outside strings nest deeper than `max`. */
export function nestsDeeperThan(text: string, max: number): boolean {
  return jsonShapeProblem(text, { maxDepth: max, maxMembers: Infinity, maxTotalMembers: Infinity }) === 'tooDeep';
}

/**
 * JSON is the only body the API reads (anything else is 415). The body must be valid UTF-8
 * (refused rather than patched with U+FFFD), not absurdly nested or wide, and free of `__proto__` and
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
    const problem = jsonShapeProblem(text, {
      maxDepth: MAX_JSON_DEPTH,
      maxMembers: MAX_JSON_MEMBERS.perContainer,
      maxTotalMembers: MAX_JSON_MEMBERS.total,
    });
    if (problem === 'tooDeep') {
      done(new ApiError(400, 'too_deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels.`), undefined);
      return;
    }
    if (problem === 'tooWide') {
      done(new ApiError(400, 'too_wide', `More than ${MAX_JSON_MEMBERS.perContainer} members in one JSON object or array, or ${MAX_JSON_MEMBERS.total} in all.`), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
