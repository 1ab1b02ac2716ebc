import type { BackendModule, ResourceLanguage } from 'i18next';

/**
 * Every `locales/<lng>/<namespace>.json` is part of the same local build (nothing is fetched from
 * elsewhere), imported when a language, or the supervisor overlay, first needs it. The build puts a
 * language's citizen namespaces in one chunk (`texts-<lng>`, vite.config.ts), so a language costs
 * one request; the supervisor's namespace stays a chunk of its own. The
 * start-up bundle carries no translations, and start-up loads the kiosk's default language while
 * it reads the catalogue. The office console's namespace (`console.json`) belongs to another
 * build (backoffice/console) and the /verify page's (`verify.json`) to the back office: neither
 * ships in the kiosk's; nor do the messages to the citizen (`messages.json`, sent by the back office).
 */
const files = import.meta.glob<ResourceLanguage>(['../../locales/*/*.json', '!../../locales/*/console.json', '!../../locales/*/verify.json', '!../../locales/*/messages.json'], { import: 'default' });

const SUPERVISOR_NAMESPACE = 'supervisor';
/** The citizens' portal's own texts (portal/): never shown on the kiosk. */
const PORTAL_NAMESPACE = 'portal';
const partsOf = (file: string) => /locales\/([^/]+)\/([^/]+)\.json$/.exec(file)!.slice(1) as [language: string, namespace: string];

/** The namespaces the citizen screens use, loaded with each language; the supervisor's comes with its overlay. */
export function citizenNamespaces(): string[] {
  const all = Object.keys(files).map((file) => partsOf(file)[1]);
  return [...new Set(all)].filter((namespace) => namespace !== SUPERVISOR_NAMESPACE && namespace !== PORTAL_NAMESPACE).sort();
}

/** Every (language, namespace) pair the build carries. */
export function bundledLocaleFiles(): Array<[language: string, namespace: string]> {
  return Object.keys(files).map(partsOf);
}

export async function loadLocaleBundle(language: string, namespace: string): Promise<ResourceLanguage> {
  const load = files[`../../locales/${language}/${namespace}.json`];
  if (!load) throw new Error(`no translations for ${language}/${namespace}`);
  return load();
}

/** i18next reads a language it does not have yet through this backend. */
export const localeBundleBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, namespace, callback) {
    loadLocaleBundle(language, namespace).then(
      (bundle) => callback(null, bundle),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};
