import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * zod 4's classic API gives every schema a `toJSONSchema()` method, so any `import { z } from
 * 'zod'` carries zod's JSON Schema generator (two modules, about 6 KB of gzip) into the bundle,
 * and the kiosk's start-up bundle with it. The kiosk never asks a schema for its JSON Schema (the
 * back office does, for its OpenAPI document, in Node, where this plugin does not apply). In the
 * kiosk's build those two modules are replaced by stand-ins with the same exports: building a
 * schema still works, and asking one for its JSON Schema throws a clear error instead of
 * answering. Applies to `vite build` only: tests and the dev server see zod unchanged.
 */
const REPLACED = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/;
const STUB_PREFIX = '\0zod-without-json-schema:';

export function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'shubbak:zod-without-json-schema',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/[\\/]zod[\\/]/.test(importer) || !/json-schema/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && REPLACED.test(resolved.id) ? STUB_PREFIX + resolved.id : null;
    },
    load(id) {
      if (!id.startsWith(STUB_PREFIX)) return null;
      const original = readFileSync(id.slice(STUB_PREFIX.length), 'utf8');
      const names = [...original.matchAll(/^export (?:const|function|let) (\w+)/gm)].map((match) => match[1]!);
      const aliases = [...original.matchAll(/^export \{ (\w+) as (\w+) \};/gm)].map((match) => match[2]!);
      const unavailable = `() => { throw new Error('JSON Schema generation is left out of the kiosk build (build/zodWithoutJsonSchema.ts)'); }`;
      // Schemas call the `create…Method` factories when they are built: those return the throwing method.
      const lines = [...names, ...aliases].map((name) =>
        name === 'allProcessors' ? `export const allProcessors = {};` : /^create\w*Method$/.test(name) ? `export const ${name} = () => ${unavailable};` : `export const ${name} = ${unavailable};`,
      );
      return lines.join('\n');
    },
  };
}
