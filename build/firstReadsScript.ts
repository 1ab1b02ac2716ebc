import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rollup } from 'vite';

const ENTRY_NAME = 'firstReads';
const ENTRY = fileURLToPath(new URL('../src/startFirstReads.ts', import.meta.url));
const STORAGE_ENTRY = fileURLToPath(new URL('../src/openStorageEarly.ts', import.meta.url));
const INDEX_HTML = fileURLToPath(new URL('../index.html', import.meta.url));

/**
 * The kiosk's first reads start before its libraries arrive, from two scripts this plugin adds to
 * index.html, after the Content-Security-Policy meta and before the app's module script:
 *
 * - a classic script, src/openStorageEarly.ts bundled on its own (an IIFE with no import), that
 *   opens the origin's IndexedDB as soon as the HTML is parsed: a classic script needs no module
 *   graph, so it runs while the modules are still being fetched (src/storage/openStorageEarly.ts);
 * - a second entry, src/startFirstReads.ts, loaded by its own module script: it imports none of
 *   the libraries, so it runs as soon as its small chunk is there and starts the first screen's
 *   reads (src/app/firstReads.ts) while React, zod, xstate and i18next are still being fetched and
 *   evaluated. Vite merges every module script of one page into one entry (which would run it only
 *   after the libraries), hence an input of its own.
 *
 * `vite build` only: the dev server runs the same reads from `bootKiosk`.
 */
export function firstReadsScript(): Plugin {
  let base = './';
  let storageScript: string | undefined;
  return {
    name: 'shubbak:first-reads-script',
    apply: 'build',
    config() {
      return { build: { rolldownOptions: { input: { index: INDEX_HTML, [ENTRY_NAME]: ENTRY } } } };
    },
    configResolved(config) {
      base = config.base;
    },
    async buildStart() {
      const code = await classicScript(STORAGE_ENTRY);
      storageScript = `assets/openStorageEarly-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName: storageScript, source: code });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.isEntry && output.name === ENTRY_NAME);
        if (!chunk) throw new Error(`${ENTRY_NAME}: the entry's chunk is missing from the bundle`);
        if (!storageScript) throw new Error(`${ENTRY_NAME}: the early storage script was not built`);
        return withFirstScripts(html, [`<script src="${base}${storageScript}"></script>`, `<script type="module" crossorigin src="${base}${chunk.fileName}"></script>`]);
      },
    },
  };
}

/** index.html with `tags` inserted, in order, before its first module script (the app's). */
export function withFirstScripts(html: string, tags: string[]): string {
  const appScript = html.indexOf('<script type="module"');
  if (appScript < 0) throw new Error(`${ENTRY_NAME}: index.html has no module script to go before`);
  return html.slice(0, appScript) + tags.map((tag) => `${tag}\n    `).join('') + html.slice(appScript);
}

/** `entry` and what it imports as one minified classic script (an IIFE), for a `<script>` without `type="module"`. */
async function classicScript(entry: string): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, target: 'chrome120', lib: { entry, formats: ['iife'], name: 'shubbakOpenStorageEarly' } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((file) => file.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`${entry}: expected one classic script, the build gave ${chunks.length} files`);
  return chunks[0]!.code;
}
