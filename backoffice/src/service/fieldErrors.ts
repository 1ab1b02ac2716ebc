import type { z } from 'zod';

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
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), code: 'unrecognized_key' }));
    }
    return [{ path: path.join('.'), code: issue.code === 'custom' ? 'invalid' : issue.code }];
  });
}

/** A short, safe summary for an error message: paths and codes only, never the values sent. */
export function describeIssues(error: z.ZodError, max = 5): string {
  const errors = wireErrors(error);
  const shown = errors.slice(0, max).map((e) => `${e.path || '(body)'}: ${e.code}`);
  return shown.join('; ') + (errors.length > max ? `; and ${errors.length - max} more` : '');
}
