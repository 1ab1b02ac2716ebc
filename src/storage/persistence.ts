/** The part of navigator.storage the kiosk uses. */
export interface StorageManagerLike {
  persisted(): Promise<boolean>;
  persist(): Promise<boolean>;
  /** How much is stored and may be: the heartbeat reports the difference. */
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

/**
 * Asks the browser not to evict the kiosk's IndexedDB under storage pressure (an evicted
 * outbox is a lost request). Returns whether storage is persistent, or null when the browser
 * cannot say. Never throws: a refusal is reported, not fatal.
 */
export async function askPersistentStorage(storage: StorageManagerLike | null | undefined): Promise<boolean | null> {
  if (!storage) return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return null;
  }
}
