import { z } from 'zod';
import { certificateLetterheadSchema, certificateTemplateSchema, templatePlaceholderErrors } from './certificateTemplate';
import { localizedTextSchema } from './locales';

/**
 * The service catalogue is data, versioned and pulled from the back office: an office adds,
 * retires or changes a service without a new build. The kiosk renders whatever it holds.
 */

export const FIELD_KINDS = ['text', 'arabicText', 'digits', 'date', 'year', 'cin', 'phone', 'postalCode', 'select'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const fieldOptionSchema = z.strictObject({ value: z.string().min(1), label: localizedTextSchema });

export const fieldDefinitionSchema = z.strictObject({
  /** Stable key of the value in the request's `fields`. */
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  kind: z.enum(FIELD_KINDS),
  label: localizedTextSchema,
  hint: localizedTextSchema.optional(),
  required: z.boolean(),
  maxLength: z.int().positive().max(500).optional(),
  options: z.array(fieldOptionSchema).min(1).optional(),
  /**
   * A `text` field the kiosk also offers to fill from a list of the office: `officeStreets`, the
   * streets of its territory (src/domain/officeStreets.ts). The value stays free text.
   */
  pickFrom: z.literal('officeStreets').optional(),
});
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

export const feeSchema = z.strictObject({
  /** Amount in dirhams; null when the office has not confirmed it (shown as "ask at the counter"). */
  amountMad: z.number().nonnegative().nullable(),
  confirmed: z.boolean(),
});

export const serviceSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: localizedTextSchema,
  description: localizedTextSchema,
  /** Name of a pictogram shipped in assets/pictograms (an unknown name falls back to a generic one). */
  pictogram: z.string().regex(/^[a-z0-9-]+$/),
  fields: z.array(fieldDefinitionSchema),
  documents: z.array(localizedTextSchema),
  fee: feeSchema,
  delay: localizedTextSchema,
  /** The announced delay in days, for the console's overdue mark; absent: never overdue. */
  delayDays: z.int().positive().max(365).optional(),
  /** Signature legalisation and certified copies are finished at the counter, in person. */
  returnToCounter: z.boolean(),
  /** Which office or commune handles it: used by the back office for routing. */
  handledBy: z.string().min(1),
  active: z.boolean(),
  /** For a service that ends in a document the chief signs: its text (placeholders checked with the catalogue). */
  certificate: certificateTemplateSchema.optional(),
});
export type Service = z.infer<typeof serviceSchema>;

export const catalogueSchema = z
  .strictObject({
    version: z.int().nonnegative(),
    services: z.array(serviceSchema),
    /** The annex's letterhead printed on its certificates (a catalogue belongs to one office). */
    certificateLetterhead: certificateLetterheadSchema.optional(),
  })
  .refine((c) => new Set(c.services.map((s) => s.id)).size === c.services.length, {
    message: 'duplicate service id',
  })
  .superRefine((c, context) => {
    c.services.forEach((service, index) => {
      if (!service.certificate) return;
      for (const message of templatePlaceholderErrors(service.certificate, service.fields)) {
        context.addIssue({ code: 'custom', path: ['services', index, 'certificate'], message });
      }
    });
  });
export type Catalogue = z.infer<typeof catalogueSchema>;

export function activeServices(catalogue: Catalogue): Service[] {
  return catalogue.services.filter((service) => service.active);
}

export function findService(catalogue: Catalogue, id: string): Service | undefined {
  return catalogue.services.find((service) => service.id === id);
}
