import type { z } from 'zod';
import { escapeInvisible } from '../../../src/domain/text';

export interface WireFieldError {
  path: string;
  code: string;
}

/**
 * zod issues as the `{ path, code }` pairs of the protocol. An unknown key becomes one error at
 * its own path (`identity.nickname: unrecognized_key`), so the kiosk can name the culprit.
 */
export function wireErrors(error: z.ZodError): WireFieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: wirePath([...path, key]), code: 'unrecognized_key' }));
    }
    return [{ path: wirePath(path), code: issue.code === 'custom' ? 'invalid' : issue.code }];
  });
}

/** Longest path segment echoed back: keys come from the body, and an error must not return (or print) a hostile key whole. */
export const MAX_PATH_SEGMENT = 64;

export function wirePath(segments: readonly string[]): string {
  return segments.map((segment) => escapeInvisible(segment.length > MAX_PATH_SEGMENT ? `${segment.slice(0, MAX_PATH_SEGMENT)}…` : segment)).join('.');
}

/** A short, safe summary for an error message: paths and codes only, never the values sent. */
export function describeIssues(error: z.ZodError, max = 5): string {
  const errors = wireErrors(error);
  const shown = errors.slice(0, max).map((e) => `${e.path || '(body)'}: ${e.code}`);
  return shown.join('; ') + (errors.length > max ? `; and ${errors.length - max} more` : '');
}
