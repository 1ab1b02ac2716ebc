import path from 'node:path';
import { APP_ORIGIN, isAppUrl } from './appOrigin';

export interface AppFile {
  absolute: string;
  /** Forward-slash path inside the app folder, e.g. `assets/index-abc.js`. */
  relative: string;
}

/**
 * Maps an `app://kiosk/...` URL to a file inside `root`, or null when the request must be
 * refused. Chromium folds `..` before the handler sees a URL, and so does Node's URL parser;
 * this guard reads the raw path instead, so that a traversal is refused rather than silently
 * re-rooted, whatever path a request takes to get here.
 */
export function resolveAppPath(root: string, rawUrl: string): AppFile | null {
  if (!isAppUrl(rawUrl)) return null;
  const rawPath = rawUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (!isPlainRelativePath(decoded)) return null;
  const relative = decoded.replace(/^\//, '') || 'index.html';
  const base = path.resolve(root);
  const resolved = path.resolve(base, relative);
  return resolved.startsWith(base + path.sep) ? { absolute: resolved, relative } : null;
}

/** One leading slash, then plain names: no dot segments, no second decoding, no drive, no backslash, no NUL. */
function isPlainRelativePath(decoded: string): boolean {
  if (decoded !== '' && !decoded.startsWith('/')) return false;
  if (decoded.startsWith('//') || /^\/[A-Za-z]:/.test(decoded)) return false;
  if (/[\\%\0]/.test(decoded)) return false;
  return decoded.split('/').every((segment) => segment !== '..' && segment !== '.');
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The built renderer holds a known, small set of file types; anything else is served as opaque bytes (with nosniff). */
export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
