import { runInNewContext } from 'node:vm';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { firstReadsScript, withFirstScripts } from '../../build/firstReadsScript';

const INDEX = `<head>\n    <meta http-equiv="Content-Security-Policy" content="script-src 'self'" />\n    <script type="module" crossorigin src="./assets/index.js"></script>\n  </head>`;

describe("the kiosk build's first scripts", () => {
  it('go before the app module script, in their order, after the security policy', () => {
    const html = withFirstScripts(INDEX, ['<script src="./assets/early.js"></script>', '<script type="module" src="./assets/first.js"></script>']);
    const order = ['Content-Security-Policy', 'early.js', 'first.js', 'index.js'].map((needle) => html.indexOf(needle));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(() => withFirstScripts('<head></head>', [])).toThrow(/no module script/);
  });

  it('builds the early storage open as one classic script that opens the database and creates none', async () => {
    const emitted: Array<{ fileName: string; source: string }> = [];
    const plugin = firstReadsScript();
    await (plugin.buildStart as (this: unknown) => Promise<void>).call({ emitFile: (file: { fileName: string; source: string }) => emitted.push(file) });
    expect(emitted).toHaveLength(1);
    const [{ fileName, source }] = emitted as [{ fileName: string; source: string }];
    expect(fileName).toMatch(/^assets\/openStorageEarly-[\w-]{8}\.js$/);
    // A classic script: no module syntax, so it runs without a module graph.
    expect(source).not.toMatch(/\bimport\b|\bexport\b/);

    const indexedDB = new IDBFactory();
    const opened: Array<{ name: string; request: IDBOpenDBRequest }> = [];
    const watched = { open: (name: string) => opened.at(opened.push({ name, request: indexedDB.open(name) }) - 1)!.request };
    runInNewContext(source, { indexedDB: watched });
    expect(opened.map(({ name }) => name)).toEqual(['shubbak']);
    // A first start: the script aborts its upgrade, so the open ends in an error it handles.
    await new Promise((resolve) => opened[0]!.request.addEventListener('error', resolve));
    expect(await indexedDB.databases()).toEqual([]);
  });
});
