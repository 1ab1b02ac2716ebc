import { activeServices, type Catalogue, type Service } from '../../../src/domain/catalogue';
import type { ShubbakDb } from '../../../src/storage/db';
import { readMeta, writeMeta } from '../../../src/storage/meta';
import { PortalApiError, type PortalApi } from '../api/portalApi';
import type { PortalOffice } from '../../../src/domain/portal/offices';

/** The annexes and what each one offers, as last fetched: a request can be made offline from it. */
export interface Offerings {
  offices: PortalOffice[];
  catalogues: Record<string, Catalogue>;
  /** Epoch ms of the fetch. */
  fetchedAt: number;
}

const OFFERINGS_KEY = 'portalOfferings';

/**
 * Fetches the offices and their catalogues, and keeps them for the next offline visit; without a
 * network, the kept ones. Throws when there is neither (a first visit offline).
 */
export async function loadOfferings(api: PortalApi, db: ShubbakDb, now: () => number = Date.now): Promise<Offerings & { fromCache: boolean }> {
  try {
    const offices = await api.offices();
    const catalogues = Object.fromEntries(await Promise.all(offices.map(async (office) => [office.id, await api.catalogue(office.id)] as const)));
    const offerings: Offerings = { offices, catalogues, fetchedAt: now() };
    await writeMeta(db, OFFERINGS_KEY, offerings);
    return { ...offerings, fromCache: false };
  } catch (error) {
    const kept = await readMeta<Offerings | null>(db, OFFERINGS_KEY, null);
    if (kept && (!(error instanceof PortalApiError) || error.reason === 'network' || error.reason === 'server')) return { ...kept, fromCache: true };
    throw error;
  }
}

/** Every service some annex offers, once each (the first office's version of it), in catalogue order. */
export function servicesOffered(offerings: Offerings): Service[] {
  const seen = new Map<string, Service>();
  for (const office of offerings.offices) {
    const catalogue = offerings.catalogues[office.id];
    if (!catalogue) continue;
    for (const service of activeServices(catalogue)) if (!seen.has(service.id)) seen.set(service.id, service);
  }
  return [...seen.values()];
}

/** The annexes where this service can be asked for and collected. */
export function officesOffering(offerings: Offerings, serviceId: string): PortalOffice[] {
  return offerings.offices.filter((office) => offerings.catalogues[office.id]?.services.some((service) => service.id === serviceId && service.active));
}
