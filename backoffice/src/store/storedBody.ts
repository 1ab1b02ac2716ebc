import { createHash } from 'node:crypto';

/** What a push compares a known id against: the body, or only its hash once purged. */
export interface StoredBody {
  body: string;
  bodySha256: string | null;
  purgedAt: string | null;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Same content as stored: the body itself, or the hash the purge kept of it. Both engines answer alike. */
export function sameStoredBody(stored: StoredBody, canonical: string): boolean {
  return stored.purgedAt === null ? stored.body === canonical : stored.bodySha256 === sha256Hex(canonical);
}
