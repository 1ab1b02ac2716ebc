import defaultCatalogue from '../../../../assets/catalogue/default-catalogue.json';
import type { LocalizedText } from '../../../../src/domain/locales';

/**
 * Service names for the queue lines and the service filter. The console's catalogue route is
 * the admin's (a request's page gets its service's name from the back office), so the names come
 * from the catalogue the office starts with; a service added since shows its id.
 */
const NAMES: ReadonlyMap<string, LocalizedText> = new Map(defaultCatalogue.services.map((service) => [service.id, service.name]));

export function knownServices(): Array<{ id: string; name: LocalizedText }> {
  return [...NAMES].map(([id, name]) => ({ id, name }));
}

export function serviceName(serviceId: string): LocalizedText | null {
  return NAMES.get(serviceId) ?? null;
}
