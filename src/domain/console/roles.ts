import { z } from 'zod';

/**
 * Staff roles, held per office (one person may be an agent here and a chief there). Each role
 * can do everything the one before it can: an `agent` processes requests, a `chief` also refuses
 * and signs certificates, an `admin` also manages the office's staff and kiosks.
 */
export const STAFF_ROLES = ['agent', 'chief', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const staffRoleSchema = z.enum(STAFF_ROLES);

export function roleAtLeast(role: StaffRole, needed: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(needed);
}
