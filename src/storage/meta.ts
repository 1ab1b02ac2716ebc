import type { ShubbakDb } from './db';
import { META_KEYS } from './metaKeys';

/** Typed access to small values kept in the `meta` table (counters, cursors, kiosk identity). */
export async function readMeta<T>(db: ShubbakDb, key: string, fallback: T): Promise<T> {
  const record = await db.meta.get(key);
  return record === undefined ? fallback : (record.value as T);
}

export async function writeMeta(db: ShubbakDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

export { META_KEYS };

export interface StorageErrorRecord {
  reason: 'quota' | 'storage';
  /** Epoch ms, kiosk clock. */
  at: number;
}
