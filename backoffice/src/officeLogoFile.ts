import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { LOGO_MAX_BASE64_CHARS, type OfficeLogo } from '../../src/domain/officeIdentity';

const MEDIA_TYPES: Readonly<Record<string, OfficeLogo['mediaType']>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** Reads an office logo file (PNG, JPEG, WebP or SVG, small enough for a tablet header); the error says what is wrong. */
export function readOfficeLogoFile(path: string): OfficeLogo {
  const mediaType = MEDIA_TYPES[extname(path).toLowerCase()];
  if (!mediaType) throw new Error(`the logo ${path} must be a .png, .jpg, .webp or .svg file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read the logo ${path}: ${(error as Error).message}`, { cause: error });
  }
  const base64 = bytes.toString('base64');
  if (base64.length === 0) throw new Error(`the logo ${path} is empty`);
  if (base64.length > LOGO_MAX_BASE64_CHARS) throw new Error(`the logo ${path} is too large (at most ${Math.floor((LOGO_MAX_BASE64_CHARS * 3) / 4 / 1024)} KB)`);
  return { mediaType, base64 };
}
