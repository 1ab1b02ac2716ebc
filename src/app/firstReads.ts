import { DEFAULT_LOCALE, LOCALES, type Locale } from '../domain/localeCodes';
import { citizenNamespaces, loadLocaleBundle } from '../i18n/localeBundles';
import { readFirstScreenRecords, type FirstScreenRecords } from '../storage/firstScreenRead';

/** `kiosk-config.json`, beside index.html (docs/TEAM-CONTRACTS.md); `fetchKioskConfig` parses it. */
export const KIOSK_CONFIG_URL = './kiosk-config.json';

/** What the attract screen waits for that is not code: asked for once, as early as the page can. */
export interface FirstReads {
  /** The answer for `kiosk-config.json` (read and checked by `kioskConfigFrom`). */
  config: Promise<Response>;
  /** The stored records the attract screen shows (src/storage/firstScreenRead.ts). */
  records: Promise<FirstScreenRecords | null>;
}

let started: FirstReads | undefined;

/**
 * Starts the first screen's reads and fetches, and returns them; the second call returns the same.
 * index.html runs it from a module script of its own (src/startFirstReads.ts) that does not wait
 * for the libraries' chunk: the config fetch, the IndexedDB read and the translations of the
 * screens' language and of the French fallback and the shipped catalogue's chunk are under way
 * while React, zod, xstate and i18next are still being fetched and evaluated. `bootKiosk` then
 * takes what is already there. Nothing here parses:
 * the checks stay where they were (`kioskConfigFrom`, `firstScreenFrom`).
 */
export function startFirstReads(): FirstReads {
  if (started) return started;
  const config = fetch(KIOSK_CONFIG_URL, { cache: 'no-store' });
  // Unhandled here, read later: the rejection is bootKiosk's to handle.
  config.catch(() => undefined);
  // The read first: on a first start, opening the origin's IndexedDB is the longest wait of the
  // boot (index.html's classic script has begun it, src/storage/openStorageEarly.ts), and each
  // translation import below costs the main thread a preload link (Vite's helper).
  const records = readFirstScreenRecords();
  // The shipped catalogue is what a kiosk with none stored shows, and every boot imports it once the
  // storage is open (src/storage/catalogue.ts `loadCatalogue`): fetched now, beside the read, not after it.
  void import('../storage/defaultCatalogue').catch(() => undefined);
  warmTranslations('fr');
  warmTranslations(DEFAULT_LOCALE);
  void records.then((read) => {
    const stored = (read?.settings as { defaultLocale?: unknown } | undefined)?.defaultLocale;
    if (isLocale(stored)) warmTranslations(stored);
  });
  started = { config, records };
  return started;
}

const warmed = new Set<Locale>();

/** Fetches a language's citizen texts into the module map; i18next's backend (localeBundles.ts) finds them there. */
function warmTranslations(locale: Locale): void {
  if (warmed.has(locale)) return;
  warmed.add(locale);
  for (const namespace of citizenNamespaces()) void loadLocaleBundle(locale, namespace).catch(() => undefined);
}

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
