import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogueSchema, type Catalogue } from '../../src/domain/catalogue';

/** The nine starting services, shared with the kiosk (which shows them before its first pull). */
export const DEFAULT_CATALOGUE_PATH = fileURLToPath(new URL('../../assets/catalogue/default-catalogue.json', import.meta.url));

/** Reads and validates a catalogue file; the error names the file and what is wrong with it. */
export function readCatalogueFile(path: string): Catalogue {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the catalogue ${path}: ${(error as Error).message}`, { cause: error });
  }
  const result = catalogueSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`the catalogue ${path} is not valid: ${issues.join('; ')}`);
  }
  return result.data;
}
