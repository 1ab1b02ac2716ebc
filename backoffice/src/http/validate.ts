import type { z } from 'zod';
import { ApiError } from '../service/apiError';
import { describeIssues } from '../service/fieldErrors';

/** Parses a body, query or path with its protocol schema; a mismatch is a 400 naming paths and codes. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, code = 'invalid_body'): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, code, describeIssues(result.error));
  return result.data;
}

/** Path parameters: a value that cannot name anything is simply not found. */
export function parseOr404<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(404, 'not_found', 'Nothing here.');
  return result.data;
}
