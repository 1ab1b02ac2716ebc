import type { Resource, ResourceLanguage } from 'i18next';

/**
 * Every `locales/<lng>/<namespace>.json` in the repository, bundled at build time: the kiosk has
 * no network to fetch them from, and other parts (keyboard, supervisor) add their namespaces
 * in the same folder without touching this file. The office console's namespace is left out:
 * it belongs to the console's own build (backoffice/console); so is `verify`, the back office's
 * /verify page's.
 */
const files = import.meta.glob<ResourceLanguage>(['../../locales/*/*.json', '!../../locales/*/console.json', '!../../locales/*/verify.json', '!../../locales/*/messages.json'], { eager: true, import: 'default' });

export function bundledResources(): Resource {
  const resources: Resource = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    resources[language] = { ...resources[language], [namespace]: content };
  }
  return resources;
}

export function bundledNamespaces(): string[] {
  return [...new Set(Object.values(bundledResources()).flatMap((language) => Object.keys(language)))].sort();
}
