import { z } from 'zod';
import { staffRoleSchema } from './roles';

/**
 * Signing in to the console. The session lives on the server; the browser holds only an
 * httpOnly cookie, and proves each state change with the session's CSRF token in a header
 * (the token comes in the body of `login`, `activate` and `me`, never in a cookie).
 */

export const SESSION_COOKIE = 'shubbak_console';
export const CSRF_HEADER = 'x-csrf-token';

/** A login is what staff type: lower-case letters, digits, dots and dashes, chosen at creation. */
export const staffLoginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9.-]{1,39}$/);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
/** Length is what makes a password strong; the console shows the rule, the server enforces it. */
export const newPasswordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

/** One-time activation (and password reset) code: `XXXX-XXXX-XXXX` in the tracking alphabet. */
export const activationCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

export const loginRequestSchema = z.strictObject({
  login: staffLoginSchema,
  /** Not bounded below here: a wrong password is a wrong password, whatever its length. */
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const activateRequestSchema = z.strictObject({
  code: activationCodeSchema,
  password: newPasswordSchema,
});
export type ActivateRequest = z.infer<typeof activateRequestSchema>;

export const officeRoleSchema = z.strictObject({
  officeId: z.string().min(1),
  officeName: z.string().min(1),
  role: staffRoleSchema,
});
export type OfficeRole = z.infer<typeof officeRoleSchema>;

/** Who is signed in, where they work, and what to send back on every state change. */
export const meResponseSchema = z.strictObject({
  staff: z.strictObject({ id: z.string().min(1), name: z.string().min(1), login: z.string().min(1) }),
  /** Only offices not revoked; a person with none cannot sign in. */
  offices: z.array(officeRoleSchema).min(1),
  csrfToken: z.string().min(32),
  /** The session ends at the earlier of these two; `idleExpiresAt` moves on with each request. */
  idleExpiresAt: z.iso.datetime(),
  absoluteExpiresAt: z.iso.datetime(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const logoutResponseSchema = z.strictObject({ ok: z.literal(true) });
