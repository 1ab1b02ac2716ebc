import { auditEntryWireSchema } from '../domain/syncProtocol';
import type { AuditStepResult, PullStepResult, PushStepResult } from '../machines/sync/types';
import { appendAudit, markAuditSynced, unsyncedAudit } from '../storage/audit';
import { loadCatalogue, saveCatalogue } from '../storage/catalogue';
import { loadOfficeIdentity, saveOfficeIdentity } from '../storage/officeIdentity';
import type { ShubbakDb } from '../storage/db';
import { META_KEYS, writeMeta } from '../storage/meta';
import type { PromptRecordingsDb } from '../storage/promptRecordings';
import { purgePersonalData } from '../storage/retention';
import { prepareResendAfterServerRestore } from '../storage/serverRestore';
import { loadSettings } from '../storage/settings';
import { applyChanges, readPullCursor } from '../storage/statuses';
import { buildHeartbeat, type HeartbeatFacts } from './heartbeat';
import { pullPromptRecordings } from './promptRecordingsPull';
import { pushPromptRecordings } from './promptRecordingsPush';
import { createPushPipeline } from './pushPipeline';
import { SyncError } from './syncError';
import type { AuditEntryWire, Transport } from './transport';

/** Status changes per pull page, audit entries per upload. */
export const PULL_PAGE_SIZE = 500;
export const AUDIT_BATCH_SIZE = 200;

export interface CycleDeps {
  db: ShubbakDb;
  /** The transport for this kiosk (settings' back-office URL, stored device token). */
  transport: () => Promise<Transport>;
  now: () => number;
  /** When given, each complete cycle ends with a heartbeat to the back office (see heartbeat.ts). */
  heartbeatFacts?: HeartbeatFacts;
  /** Where the office's prompt recordings are kept; without it they are not pulled. */
  recordings?: PromptRecordingsDb;
}

/** The steps of one sync cycle, as the sync machine invokes them. Each is safe to abandon half-way. */
export interface CycleSteps {
  pushBatch(signal: AbortSignal): Promise<PushStepResult>;
  pullChanges(signal: AbortSignal): Promise<PullStepResult>;
  refreshCatalogue(signal: AbortSignal): Promise<undefined>;
  pushAudit(signal: AbortSignal): Promise<AuditStepResult>;
  finishCycle(signal: AbortSignal): Promise<undefined>;
}

export function createCycleSteps({ db, transport, now, heartbeatFacts, recordings }: CycleDeps): CycleSteps {
  return {
    pushBatch: createPushPipeline({ db, transport, now }),

    async pullChanges(signal) {
      const cursor = await readPullCursor(db);
      const page = await (await transport()).changes(cursor, PULL_PAGE_SIZE, signal);
      if (page.highWater < cursor) {
        const report = await prepareResendAfterServerRestore(db);
        await appendAudit(
          db,
          'sync.serverRestored',
          `cursor ${cursor} above server sequence ${page.highWater}; requeued ${report.requeued}, unrecoverable ${report.unrecoverable}`,
          now(),
        );
        return { more: true, resend: report.requeued > 0 };
      }
      if (page.cursor < cursor || (page.more && page.cursor === cursor)) {
        throw new SyncError('invalidResponse', `changes cursor went from ${cursor} to ${page.cursor}`);
      }
      await applyChanges(db, page.changes, page.cursor);
      return { more: page.more, resend: false };
    },

    // The office's data a kiosk pulls: its catalogue, then its identity (names per language, logo).
    async refreshCatalogue(signal) {
      const current = await loadCatalogue(db);
      const api = await transport();
      const next = await api.catalogue(current.version, signal);
      if (next) await saveCatalogue(db, next);
      const identity = await api.officeIdentity((await loadOfficeIdentity(db))?.version ?? 0, signal);
      if (identity) await saveOfficeIdentity(db, identity);
      if (recordings) {
        try {
          await pushPromptRecordings(recordings, api, signal);
          await pullPromptRecordings(recordings, api, signal);
        } catch (error) {
          // Office data like the catalogue, but optional: a back office from before recordings (404)
          // or one bad file must not hold back statuses and requests. The next cycle tries again.
          if (signal.aborted) throw error;
        }
      }
      return undefined;
    },

    async pushAudit(signal) {
      const entries = await unsyncedAudit(db, AUDIT_BATCH_SIZE);
      if (entries.length === 0) return { more: false };
      const wire: AuditEntryWire[] = [];
      const unsendable: string[] = [];
      for (const entry of entries) {
        const candidate = { id: entry.id, at: new Date(Number.isFinite(entry.at) ? entry.at : 0).toISOString(), action: entry.action, detail: entry.detail };
        if (auditEntryWireSchema.safeParse(candidate).success) wire.push(candidate);
        else unsendable.push(entry.id);
      }
      // An entry the protocol cannot carry stays readable on the kiosk but must not block the others forever.
      if (wire.length > 0) await (await transport()).pushAudit(wire, signal);
      await markAuditSynced(db, [...wire.map((entry) => entry.id), ...unsendable]);
      return { more: entries.length === AUDIT_BATCH_SIZE };
    },

    async finishCycle(signal) {
      const { retentionDays } = await loadSettings(db);
      await purgePersonalData(db, { retentionDays, now: now() });
      await writeMeta(db, META_KEYS.lastSyncSuccessAt, now());
      if (heartbeatFacts) {
        // Best effort: the figures are for the office's fleet page, never a reason to fail a cycle
        // whose requests are already safe (an older back office answers 404; the next cycle tries again).
        await buildHeartbeat(db, heartbeatFacts, now())
          .then(async (heartbeat) => (await transport()).heartbeat(heartbeat, signal))
          .catch(() => undefined);
      }
      return undefined;
    },
  };
}
