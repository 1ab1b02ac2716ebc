import { z } from 'zod';
import { staffRoleSchema } from './roles';
import { staffLoginSchema } from './session';

/**
 * An office's admin manages the office's staff: create (an activation code to hand over),
 * change a role, reset a password (a new activation code; the old password and every session
 * end), revoke (the person loses this office; their sessions end).
 */
export const STAFF_STATES = ['pendingActivation', 'active', 'locked', 'revoked'] as const;
export type StaffState = (typeof STAFF_STATES)[number];

export const staffRowSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  login: z.string().min(1),
  role: staffRoleSchema,
  state: z.enum(STAFF_STATES),
  createdAt: z.iso.datetime(),
  lastLoginAt: z.iso.datetime().nullable(),
});
export type StaffRow = z.infer<typeof staffRowSchema>;

export const staffListSchema = z.strictObject({ staff: z.array(staffRowSchema) });

export const createStaffBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  role: staffRoleSchema,
  /** Chosen by the admin, or made from the name when left out. */
  login: staffLoginSchema.optional(),
});
export type CreateStaffBody = z.infer<typeof createStaffBodySchema>;

export const changeRoleBodySchema = z.strictObject({ role: staffRoleSchema });

/** Shown once to the admin, who hands it to the person; only its hash is kept. */
export const activationCodeResponseSchema = z.strictObject({
  staff: staffRowSchema,
  activationCode: z.string().min(1),
  expiresAt: z.iso.datetime(),
});
export type ActivationCodeResponse = z.infer<typeof activationCodeResponseSchema>;

export const staffResponseSchema = z.strictObject({ staff: staffRowSchema });
