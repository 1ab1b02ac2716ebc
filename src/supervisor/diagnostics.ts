import { LOCAL_STATES, type LocalState } from '../domain/status';
import type { KioskSettings } from '../domain/settings';
import type { SyncStatus } from '../sync/syncService';

/**
 * What a technician needs to understand a kiosk, and nothing personal: no request, no name, no
 * tracking code, no secret. The settings hold no secret (the PIN hash and the device token live
 * in the platform's secret store). Shown as JSON and as a QR code, since downloads are blocked.
 */
export interface Diagnostics {
  app: { version: string; host: string };
  generatedAt: string;
  settings: KioskSettings;
  sync: SyncStatus;
  outbox: Record<LocalState, number>;
  lastErrors: string[];
  storage: { usageBytes: number | null; quotaBytes: number | null };
}

export interface DiagnosticsSources {
  appVersion(): Promise<string>;
  host(): Promise<string>;
  settings(): Promise<KioskSettings>;
  syncStatus(): SyncStatus;
  countByState(state: LocalState): Promise<number>;
  /** Recent error texts of outbox items (newest first); never the items themselves. */
  recentErrors(): Promise<(string | null)[]>;
  estimateStorage(): Promise<{ usage?: number; quota?: number } | null>;
  now(): number;
}

const MAX_ERRORS = 5;
const MAX_ERROR_LENGTH = 160;

export async function collectDiagnostics(sources: DiagnosticsSources): Promise<Diagnostics> {
  const [version, host, settings, counts, errors, estimate] = await Promise.all([
    sources.appVersion(),
    sources.host(),
    sources.settings(),
    Promise.all(LOCAL_STATES.map(async (state) => [state, await sources.countByState(state)] as const)),
    sources.recentErrors(),
    sources.estimateStorage().catch(() => null),
  ]);
  const sync = sources.syncStatus();
  const lastErrors = [...new Set([sync.lastError?.message, ...errors].filter((e): e is string => Boolean(e)))]
    .slice(0, MAX_ERRORS)
    .map((e) => e.slice(0, MAX_ERROR_LENGTH));
  return {
    app: { version, host },
    generatedAt: new Date(sources.now()).toISOString(),
    settings,
    sync,
    outbox: Object.fromEntries(counts) as Record<LocalState, number>,
    lastErrors,
    storage: { usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null },
  };
}
