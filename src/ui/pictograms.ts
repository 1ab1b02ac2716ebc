/**
 * Service pictograms shipped in assets/pictograms, bundled by Vite as files (no network at run
 * time). The catalogue names a pictogram; an office may add a service whose pictogram this build
 * does not have, so an unknown name falls back to `generic`.
 *
 * The SVGs paint with `currentColor`. Loaded through `<img src>` they render black, so to take the
 * theme's colour draw them as a CSS mask over `background-color: currentColor`
 * (`mask-image: url(pictogramUrl(name))`).
 */
const files = import.meta.glob<string>('../../assets/pictograms/*.svg', { eager: true, query: '?url', import: 'default' });

const urlsByName: ReadonlyMap<string, string> = new Map(
  Object.entries(files).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1, -'.svg'.length), url]),
);

export const GENERIC_PICTOGRAM = 'generic';

export function hasPictogram(name: string): boolean {
  return urlsByName.has(name);
}

export function pictogramUrl(name: string): string {
  return urlsByName.get(name) ?? urlsByName.get(GENERIC_PICTOGRAM)!;
}
