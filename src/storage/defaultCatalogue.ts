import type { Catalogue } from '../domain/catalogue';
import defaultCatalogueJson from '../../assets/catalogue/default-catalogue.json';

/**
 * Shipped with the app: what the kiosk offers before its first pull. Checked when it is built,
 * not when the kiosk boots: tests/domain/defaultCatalogue.test.ts fails the build unless the
 * catalogue schema accepts this file and gives it back unchanged, so the value below is what
 * `catalogueSchema.parse` would return. Parsing it here cost every boot about 27 ms of main
 * thread (quiet, desktop CPU) before the attract screen of a kiosk with nothing stored.
 */
export const DEFAULT_CATALOGUE = defaultCatalogueJson as Catalogue;
