import type { BackendModule, Resource, ResourceLanguage } from 'i18next';

/**
 * Where the portal's translations come from, in two parts, so that the first screen waits for no
 * translation file:
 * - the first screen's namespaces (`portal`: the app's name and tagline, `common`: the language
 *   names) in every language, inside the start-up script: the language screen is drawn as soon as
 *   the script runs, whatever language the phone asks for, the French fallback included;
 * - the other namespaces the portal's screens use, one chunk per language and namespace of the
 *   same build, loaded right after the first screen (and precached by the service worker).
 * The kiosk's namespaces the portal never shows (supervisor, keyboard, audio, reading) are not in
 * its build at all.
 */
export const FIRST_SCREEN_NAMESPACES = ['portal', 'common'] as const;
export const LATER_NAMESPACES = ['citizen', 'journey', 'validation', 'refusal'] as const;
export const PORTAL_NAMESPACES = [...FIRST_SCREEN_NAMESPACES, ...LATER_NAMESPACES] as const;

const firstScreenFiles = import.meta.glob<ResourceLanguage>(['../../../locales/*/portal.json', '../../../locales/*/common.json'], { import: 'default', eager: true });
const laterFiles = import.meta.glob<ResourceLanguage>(['../../../locales/*/{citizen,journey,validation,refusal}.json'], { import: 'default' });

const partsOf = (file: string) => /locales\/([^/]+)\/([^/]+)\.json$/.exec(file)!.slice(1) as [language: string, namespace: string];

/** The first screen's namespaces in every language, as i18next's `resources`. */
export function firstScreenResources(): Resource {
  const resources: Resource = {};
  for (const [file, bundle] of Object.entries(firstScreenFiles)) {
    const [language, namespace] = partsOf(file);
    (resources[language] ??= {})[namespace] = bundle;
  }
  return resources;
}

/** Every (language, namespace) pair loaded after the first screen. */
export function laterLocaleFiles(): Array<[language: string, namespace: string]> {
  return Object.keys(laterFiles).map(partsOf);
}

/** i18next reads a namespace loaded after the first screen through this backend. */
export const laterTextsBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = laterFiles[`../../../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`no translations for ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (bundle) => callback(null, bundle),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};
