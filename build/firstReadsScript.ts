import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ENTRY_NAME = 'firstReads';
const ENTRY = fileURLToPath(new URL('../src/startFirstReads.ts', import.meta.url));
const INDEX_HTML = fileURLToPath(new URL('../index.html', import.meta.url));

/**
 * The kiosk's build gets a second entry, src/startFirstReads.ts, loaded by its own module script
 * ahead of the app's: it imports none of the libraries, so it runs as soon as its small chunk is
 * there and starts the first screen's reads (src/app/firstReads.ts) while React, zod, xstate and
 * i18next are still being fetched and evaluated. Vite merges every module script of one page into
 * one entry (which would run it only after the libraries), hence an input of its own and the tag
 * added here, after the Content-Security-Policy meta and before the app's script. `vite build`
 * only: the dev server runs the same reads from `bootKiosk`.
 */
export function firstReadsScript(): Plugin {
  let base = './';
  return {
    name: 'shubbak:first-reads-script',
    apply: 'build',
    config() {
      return { build: { rolldownOptions: { input: { index: INDEX_HTML, [ENTRY_NAME]: ENTRY } } } };
    },
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.isEntry && output.name === ENTRY_NAME);
        if (!chunk) throw new Error(`${ENTRY_NAME}: the entry's chunk is missing from the bundle`);
        const appScript = html.indexOf('<script type="module"');
        if (appScript < 0) throw new Error(`${ENTRY_NAME}: index.html has no module script to go before`);
        const tag = `<script type="module" crossorigin src="${base}${chunk.fileName}"></script>\n    `;
        return html.slice(0, appScript) + tag + html.slice(appScript);
      },
    },
  };
}
