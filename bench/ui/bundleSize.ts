import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Gzip size (KB) of the JavaScript that index.html loads before anything else: its module
 * scripts and modulepreload links. Chunks imported later on demand are not counted. `base` is the
 * build's base URL, stripped from the paths index.html names.
 */
export async function initialJsGzipKB(distDir: string, base = './'): Promise<{ kb: number; files: string[] }> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((match) => match[1]!);
  // The kiosk's build uses relative URLs (`./assets/…`), the console's its path (`/console/assets/…`).
  const local = (source: string) => (source.startsWith(base) ? source.slice(base.length) : source.replace(/^\.?\//, ''));
  const files = [...new Set(sources)].map((source) => path.join(distDir, local(source)));
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await readFile(file), { level: 9 }).length;
  return { kb: bytes / 1024, files: files.map((file) => path.relative(distDir, file)) };
}
