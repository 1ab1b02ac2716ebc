import { heartbeatSchema, type Heartbeat, type PrinterState } from '../domain/heartbeat';
import type { ShubbakDb } from '../storage/db';
import { META_KEYS, readMeta } from '../storage/meta';
import { countOutbox } from '../storage/outboxSupervision';
import { pendingSummary } from '../storage/outboxSync';

/** What the kiosk knows about itself besides its outbox: asked at the end of each sync cycle. */
export interface HeartbeatFacts {
  appVersion(): Promise<string>;
  /** How the last print went; `unknown` when the kiosk has not printed since it started. */
  printer(): PrinterState;
  /** Bytes the browser says it may still store, or null when it cannot say. */
  freeStorageBytes(): Promise<number | null>;
  /** The sync engine's last failure: its reason code only (the message may quote a server). */
  lastError(): { reason: string; at: number } | null;
}

const iso = (epochMs: number) => new Date(Number.isFinite(epochMs) ? epochMs : 0).toISOString();

/**
 * The heartbeat: figures only, read from the outbox and the facts; nothing a citizen typed. A
 * value the protocol cannot carry (an odd version string) is replaced rather than failing the step.
 */
export async function buildHeartbeat(db: ShubbakDb, facts: HeartbeatFacts, now: number): Promise<Heartbeat> {
  const [pending, rejectedCount, lastSuccessAt, appVersion, freeStorageBytes] = await Promise.all([
    pendingSummary(db),
    countOutbox(db, ['rejected']),
    readMeta<number | null>(db, META_KEYS.lastSyncSuccessAt, null),
    facts.appVersion().catch(() => 'unknown'),
    facts.freeStorageBytes().catch(() => null),
  ]);
  const lastError = facts.lastError();
  const heartbeat: Heartbeat = {
    appVersion: /^[0-9A-Za-z.+-]{1,40}$/.test(appVersion) ? appVersion : 'unknown',
    queueDepth: pending.count,
    oldestPendingAgeSeconds: pending.oldestCreatedAt === null ? null : Math.max(0, Math.floor((now - pending.oldestCreatedAt) / 1000)),
    rejectedCount,
    lastSuccessAt: lastSuccessAt === null ? null : iso(lastSuccessAt),
    lastError: lastError && /^[a-zA-Z]{1,40}$/.test(lastError.reason) ? { reason: lastError.reason, at: iso(lastError.at) } : null,
    printer: facts.printer(),
    freeStorageBytes: freeStorageBytes === null ? null : Math.max(0, Math.floor(freeStorageBytes)),
    sentAt: iso(now),
  };
  return heartbeatSchema.parse(heartbeat);
}

/** Free space from a StorageManager's estimate (quota minus usage), or null. */
export async function freeStorageFrom(storage: { estimate?: () => Promise<{ usage?: number; quota?: number }> } | null | undefined): Promise<number | null> {
  if (!storage?.estimate) return null;
  const { usage, quota } = await storage.estimate();
  return usage === undefined || quota === undefined ? null : Math.max(0, quota - usage);
}
