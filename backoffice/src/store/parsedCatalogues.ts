import { catalogueSchema, type Catalogue } from '../../../src/domain/catalogue';

/**
 * Each instance's parsed catalogues, by office and version: a stored version never changes, so
 * one parse serves every later read (both engines' catalogue stores). A body is parsed again on
 * the way in, never trusted: what a kiosk receives is always a valid catalogue.
 */
export function parsedCatalogues() {
  const byKey = new Map<string, Catalogue>();
  const keyOf = (officeId: string, version: number) => `${officeId}\u0000${version}`;
  return {
    get: (officeId: string, version: number): Catalogue | undefined => byKey.get(keyOf(officeId, version)),
    keep(officeId: string, version: number, body: string): Catalogue {
      const key = keyOf(officeId, version);
      const catalogue = byKey.get(key) ?? catalogueSchema.parse(JSON.parse(body));
      byKey.set(key, catalogue);
      return catalogue;
    },
  };
}
