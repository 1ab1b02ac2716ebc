import { z } from 'zod';
import { localizedTextSchema } from '../locales';
import { openingHoursSchema } from '../officeIdentity';

/** One annex where a citizen can collect: its name and address in every language, its hours. */
export const portalOfficeSchema = z.strictObject({
  id: z.string().min(1),
  names: localizedTextSchema,
  /** Null until an administrator sets it: the app shows a neutral "ask the annex" text. */
  address: localizedTextSchema.nullable(),
  /** Empty until set (same neutral text). */
  openingHours: openingHoursSchema,
});
export type PortalOffice = z.infer<typeof portalOfficeSchema>;

/** `GET offices`: every office not revoked that has a catalogue, by name. */
export const portalOfficesSchema = z.strictObject({ offices: z.array(portalOfficeSchema) });
export type PortalOffices = z.infer<typeof portalOfficesSchema>;
