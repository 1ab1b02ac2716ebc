import { catalogueSchema, type Catalogue } from '../domain/catalogue';
import defaultCatalogueJson from '../../assets/catalogue/default-catalogue.json';

/** Shipped with the app: what the kiosk offers before its first pull. Parsed, never trusted. */
export const DEFAULT_CATALOGUE: Catalogue = catalogueSchema.parse(defaultCatalogueJson);
