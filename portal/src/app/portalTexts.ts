import type { BackendModule, Resource, ResourceLanguage } from 'i18next';

/**
 * Where the portal's translations come from, in two parts, so that the first screen waits for no
 * translation file:
 * - the first screen's texts (of `portal` the app's name and tagline only, `common`: the language
 *   names) in every language, inside the start-up script: the language screen is drawn as soon as
 *   the script runs, whatever language the phone asks for, the French fallback included;
 * - the rest of `portal` and the other namespaces the portal's screens use, one chunk per language and namespace of the
 *   same build, loaded right after the first screen (and precached by the service worker).
 * The kiosk's namespaces the portal never shows (supervisor, keyboard, audio, reading) are not in
 * its build at all.
 */
export const FIRST_SCREEN_NAMESPACES = ['portal', 'common'] as const;
export const LATER_NAMESPACES = ['citizen', 'journey', 'validation', 'refusal'] as const;
export const PORTAL_NAMESPACES = [...FIRST_SCREEN_NAMESPACES, ...LATER_NAMESPACES] as const;

// Of `portal`, only the two keys the language screen shows (JSON named exports: the rest of the
// file stays out of the start-up script); `common` (the language names) whole, it is small.
const appNames = import.meta.glob<string>('../../../locales/*/portal.json', { import: 'appName', eager: true });
const taglines = import.meta.glob<string>('../../../locales/*/portal.json', { import: 'tagline', eager: true });
const commonFiles = import.meta.glob<ResourceLanguage>('../../../locales/*/common.json', { import: 'default', eager: true });
// Read as text (a module of its own): imported as JSON, the bundler folds it into the start-up script beside the two keys above.
const fullPortalFiles = import.meta.glob<string>('../../../locales/*/portal.json', { import: 'default', query: '?raw' });
const laterFiles = import.meta.glob<ResourceLanguage>(['../../../locales/*/{citizen,journey,validation,refusal}.json'], { import: 'default' });

const partsOf = (file: string) => /locales\/([^/]+)\/([^/]+)\.json$/.exec(file)!.slice(1) as [language: string, namespace: string];

/** The first screen's namespaces in every language, as i18next's `resources`. */
export function firstScreenResources(): Resource {
  const resources: Resource = {};
  for (const [file, bundle] of Object.entries(commonFiles)) {
    const [language, namespace] = partsOf(file);
    (resources[language] ??= {})[namespace] = bundle;
  }
  for (const [file, appName] of Object.entries(appNames)) {
    const [language] = partsOf(file);
    const portal: ResourceLanguage = { appName, tagline: taglines[file] ?? '' };
    (resources[language] ??= {}).portal = portal;
  }
  return resources;
}

/** The keys of `portal` in the start-up script (the globs above name them). */
export const FIRST_SCREEN_PORTAL_KEYS = ['appName', 'tagline'] as const;

/** The whole `portal` namespace of one language (the start-up script has only the first screen's keys). */
export async function fullPortalTexts(language: string): Promise<ResourceLanguage | null> {
  const load = fullPortalFiles[`../../../locales/${language}/portal.json`];
  return load ? (JSON.parse(await load()) as ResourceLanguage) : null;
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
