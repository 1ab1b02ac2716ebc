/**
 * `npx tsx bench/ui/chunkModules.ts <chunk.js>`: what a built chunk is made of. Build with source
 * maps first (`npx vite build --sourcemap --outDir <dir>`; the kiosk's own build has none). Each
 * mapping segment's generated text is attributed to its source file, then grouped by package
 * (node_modules) or by `src/<folder>`. Prints raw characters and gzip -9 bytes per group and the
 * largest source files: a group's gzip is measured on its text alone, so the groups do not add
 * up to the chunk's gzip exactly (the chunk compresses across groups).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

const file = process.argv[2];
if (!file) throw new Error('usage: chunkModules.ts <chunk.js> (with its .map beside it)');
const code = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
const lines = code.split('\n');
const textBySource = new Map<string, string>();
decode(map.mappings).forEach((segments, lineIndex) => {
  const line = lines[lineIndex] ?? '';
  segments.forEach((segment, index) => {
    const end = segments[index + 1]?.[0] ?? line.length;
    const source = segment.length > 1 ? shortName(map.sources[segment[1]!]!) : '(generated)';
    textBySource.set(source, (textBySource.get(source) ?? '') + line.slice(segment[0], end));
  });
});

function shortName(source: string): string {
  const inPackage = source.lastIndexOf('node_modules/');
  if (inPackage >= 0) return `nm/${source.slice(inPackage + 'node_modules/'.length)}`;
  const inSrc = source.lastIndexOf('src/');
  return inSrc >= 0 ? source.slice(inSrc) : source;
}

function groupOf(source: string): string {
  const parts = source.split('/');
  if (parts[0] === 'nm') return parts.slice(0, parts[1]!.startsWith('@') ? 3 : 2).join('/');
  return parts.slice(0, 2).join('/');
}

const gzipBytes = (text: string) => gzipSync(text, { level: 9 }).length;
const groups = new Map<string, string>();
for (const [source, text] of textBySource) groups.set(groupOf(source), (groups.get(groupOf(source)) ?? '') + text);
console.log(`${file}: ${code.length} characters, gzip ${gzipBytes(code)} bytes`);
console.log('group\tcharacters\tgzip bytes');
for (const [group, text] of [...groups].sort((a, b) => b[1].length - a[1].length)) console.log(`${group}\t${text.length}\t${gzipBytes(text)}`);
console.log('\nlargest sources\tcharacters\tgzip bytes');
for (const [source, text] of [...textBySource].sort((a, b) => b[1].length - a[1].length).slice(0, 25)) console.log(`${source}\t${text.length}\t${gzipBytes(text)}`);
