import { CLAIM_RULES, PUBLIC_KEY_PATTERN } from '../../../src/domain/certificateTokenFormat';
import type { LocalizedText } from '../../../src/domain/locales';

/**
 * What the /verify page embeds for its script (a JSON data block): the page's language, where to
 * ask, the public keys for the offline check, and the script's strings. Written by verifyPage.ts,
 * read by verifyClient.ts without zod (the page's script stays small).
 */
export interface VerifyPageData {
  lang: string;
  verifyUrl: string;
  keys: Array<{ keyId: string; publicKey: string }>;
  strings: Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The embedded data; a key or string of the wrong shape is left out rather than trusted. */
export function readPageData(value: unknown): VerifyPageData {
  const data = isRecord(value) ? value : {};
  const keys = Array.isArray(data.keys) ? data.keys : [];
  const strings = isRecord(data.strings) ? data.strings : {};
  return {
    lang: typeof data.lang === 'string' ? data.lang : 'fr',
    verifyUrl: typeof data.verifyUrl === 'string' ? data.verifyUrl : '',
    keys: keys.filter(
      (key): key is { keyId: string; publicKey: string } =>
        isRecord(key) && typeof key.keyId === 'string' && CLAIM_RULES.keyId.test(key.keyId) && typeof key.publicKey === 'string' && PUBLIC_KEY_PATTERN.test(key.publicKey),
    ),
    strings: Object.fromEntries(Object.entries(strings).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
  };
}

/**
 * A service's name per language, or null. Checked loosely (strings, French present): the page
 * shows it as text, and locales.ts, which lists the languages, would bring zod along.
 */
export function readServiceName(value: unknown): LocalizedText | null {
  if (!isRecord(value) || typeof value.fr !== 'string' || !Object.values(value).every((name) => typeof name === 'string')) return null;
  return value as LocalizedText;
}
