import type { OutputBundle } from 'rollup';
import { describe, expect, it } from 'vitest';
import { startupPreloads } from '../../build/startupPreloads';

type ResolveDependencies = (imported: string, dependencies: string[], context: { hostType: 'html' | 'js' }) => string[];

/** The plugin as Vite drives it in a build: its config, then `generateBundle` on the bundle, then the preloads asked per import. */
function builtWith(chunks: Record<string, { isEntry?: boolean; imports?: string[] }>): ResolveDependencies {
  const plugin = startupPreloads();
  const config = (plugin.config as () => { build: { modulePreload: { resolveDependencies: ResolveDependencies } } })();
  const bundle = Object.fromEntries(
    Object.entries(chunks).map(([fileName, chunk]) => [fileName, { type: 'chunk', fileName, isEntry: chunk.isEntry ?? false, imports: chunk.imports ?? [] }]),
  ) as unknown as OutputBundle;
  const generate = plugin.generateBundle as unknown as { handler: (this: unknown, options: unknown, bundle: OutputBundle) => void };
  generate.handler.call(undefined, {}, bundle);
  return config.build.modulePreload.resolveDependencies;
}

describe("the kiosk build's start-up preloads", () => {
  const resolve = builtWith({
    'index.js': { isEntry: true, imports: ['runtime.js', 'vendor.js'] },
    'runtime.js': {},
    'vendor.js': {},
    'fr.js': { imports: ['runtime.js'] },
    'storage.js': { imports: ['runtime.js', 'dexie.js'] },
    'dexie.js': {},
  });

  it('drops the preload of the imported chunk itself and of chunks index.html already loaded', () => {
    expect(resolve('fr.js', ['fr.js', 'runtime.js'], { hostType: 'js' })).toEqual([]);
  });

  it('keeps the preloads that fetch something ahead', () => {
    expect(resolve('storage.js', ['storage.js', 'runtime.js', 'dexie.js'], { hostType: 'js' })).toEqual(['dexie.js']);
  });

  it("leaves index.html's own preloads as they are", () => {
    expect(resolve('index.js', ['runtime.js', 'vendor.js'], { hostType: 'html' })).toEqual(['runtime.js', 'vendor.js']);
  });
});
