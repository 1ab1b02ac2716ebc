import type { Plugin } from 'vite';

/**
 * Vite wraps every dynamic import in a helper that first appends a `<link rel="modulepreload">`
 * for the imported chunk and for each chunk it imports. At the kiosk's start-up that is the
 * translations (src/app/firstReads.ts): sixteen chunks, each preloading itself and rolldown's
 * runtime chunk, which index.html has loaded already. A cold start's CPU profile showed about
 * 60 ms (quiet) to 80 ms (loaded) of `appendChild` in that helper, on the path to the first
 * screen. The links fetch nothing the import does not: the import itself fetches the chunk at
 * once. Here a dynamic import keeps only the preloads that fetch something ahead: not the
 * imported chunk itself, nor a chunk index.html already loads (its entries and their static
 * imports). A chunk that imports other chunks still has them preloaded; one with nothing left
 * is imported directly. `vite build` only.
 */
export function startupPreloads(): Plugin {
  const loadedByIndex = new Set<string>();
  return {
    name: 'shubbak:startup-preloads',
    apply: 'build',
    config() {
      return {
        build: {
          modulePreload: {
            // index.html's own preloads (`hostType: 'html'`) stay as they are: they are what it loads.
            resolveDependencies: (imported: string, dependencies: string[], { hostType }: { hostType: 'html' | 'js' }) =>
              hostType === 'html' ? dependencies : dependencies.filter((dependency) => dependency !== imported && !loadedByIndex.has(dependency)),
          },
        },
      };
    },
    generateBundle: {
      // Before Vite's import analysis (also `generateBundle`), which asks `resolveDependencies`.
      order: 'pre',
      handler(_options, bundle) {
        loadedByIndex.clear();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (loadedByIndex.has(fileName) || chunk?.type !== 'chunk') return;
          loadedByIndex.add(fileName);
          for (const imported of chunk.imports) visit(imported);
        };
        for (const output of Object.values(bundle)) if (output.type === 'chunk' && output.isEntry) visit(output.fileName);
      },
    },
  };
}
