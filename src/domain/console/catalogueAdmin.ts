import { z } from 'zod';
import { feeSchema, type Catalogue, type Service } from '../catalogue';
import { localizedTextSchema, LOCALES } from '../locales';
import { freeTextSchema, type FreeTextRule } from '../text';

/**
 * An office's admin manages the office's own catalogue in the console: a service on or off,
 * its announced delay (text and days), its fee and its documents list. Each save is a new
 * catalogue version of that office only (catalogues are per office since issue 1), so the
 * kiosks pull it as they pull any catalogue. Names, fields, pictograms, routing and certificate
 * templates stay the file's (`npm run backoffice -- catalogue-import`): they change what a
 * request holds, which is not an everyday edit.
 */

/** A line of text an admin types for the kiosk (a delay, a document's name), in each language. */
export const CATALOGUE_TEXT: FreeTextRule = { max: 160, letterRequired: true };
/** More would not fit the kiosk's documents screen; the default catalogue has at most 4. */
export const MAX_SERVICE_DOCUMENTS = 12;

const catalogueTextSchema = z.strictObject(
  Object.fromEntries(LOCALES.map((locale) => [locale, freeTextSchema(CATALOGUE_TEXT)])) as Record<(typeof LOCALES)[number], ReturnType<typeof freeTextSchema>>,
);

export const catalogueServiceRowSchema = z.strictObject({
  id: z.string().min(1),
  name: localizedTextSchema,
  active: z.boolean(),
  delay: localizedTextSchema,
  delayDays: z.int().positive().max(365).nullable(),
  fee: feeSchema,
  documents: z.array(localizedTextSchema),
  /** The office issues a signed certificate for it (its template comes with the catalogue file). */
  issuesCertificate: z.boolean(),
});
export type CatalogueServiceRow = z.infer<typeof catalogueServiceRowSchema>;

export const catalogueAdminSchema = z.strictObject({
  /** The version the kiosks hold once they pull; an edit names it (optimistic versioning). */
  version: z.int().nonnegative(),
  services: z.array(catalogueServiceRowSchema),
});
export type CatalogueAdmin = z.infer<typeof catalogueAdminSchema>;

export const serviceEditBodySchema = z.strictObject({
  expectedVersion: z.int().nonnegative(),
  active: z.boolean(),
  delay: catalogueTextSchema,
  /** Days after which a request is marked overdue; null: never overdue. */
  delayDays: z.int().positive().max(365).nullable(),
  fee: feeSchema.refine((fee) => fee.amountMad === null || fee.amountMad <= 100_000, { message: 'fee too high' }),
  documents: z.array(catalogueTextSchema).max(MAX_SERVICE_DOCUMENTS),
});
export type ServiceEdit = z.infer<typeof serviceEditBodySchema>;
/** What the console sends (the texts before cleaning). */
export type ServiceEditInput = z.input<typeof serviceEditBodySchema>;

export function catalogueServiceRow(service: Service): CatalogueServiceRow {
  return {
    id: service.id,
    name: service.name,
    active: service.active,
    delay: service.delay,
    delayDays: service.delayDays ?? null,
    fee: service.fee,
    documents: service.documents,
    issuesCertificate: service.certificate !== undefined,
  };
}

export function catalogueAdminView(catalogue: Catalogue): CatalogueAdmin {
  return { version: catalogue.version, services: catalogue.services.map(catalogueServiceRow) };
}

/** The catalogue with one service edited; null when the catalogue has no such service. */
export function withServiceEdit(catalogue: Catalogue, serviceId: string, edit: ServiceEdit): Catalogue | null {
  const index = catalogue.services.findIndex((service) => service.id === serviceId);
  if (index === -1) return null;
  const edited: Service = { ...catalogue.services[index]!, active: edit.active, delay: edit.delay, delayDays: edit.delayDays ?? undefined, fee: edit.fee, documents: edit.documents };
  // Absent, not undefined: the stored JSON and the schema's strict shape stay as the file's.
  if (edit.delayDays === null) delete edited.delayDays;
  return { ...catalogue, services: catalogue.services.map((service, i) => (i === index ? edited : service)) };
}

/** What changed, in words for the audit log (never the texts themselves: they are in the version kept). */
export function serviceEditSummary(before: Service, edit: ServiceEdit): string {
  const changed: string[] = [];
  if (before.active !== edit.active) changed.push(edit.active ? 'activated' : 'deactivated');
  if (JSON.stringify(before.delay) !== JSON.stringify(edit.delay) || (before.delayDays ?? null) !== edit.delayDays) changed.push('delay');
  if (JSON.stringify(before.fee) !== JSON.stringify(edit.fee)) changed.push('fee');
  if (JSON.stringify(before.documents) !== JSON.stringify(edit.documents)) changed.push('documents');
  return changed.length > 0 ? changed.join(', ') : 'nothing';
}
