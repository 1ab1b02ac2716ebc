import type { BackofficeUrlPolicy } from '../domain/backofficeUrl';
import { findService, type Catalogue } from '../domain/catalogue';
import type { KioskSettings } from '../domain/settings';
import type { SupervisorAuditAction } from '../machines/supervisor/types';
import { DEFAULT_AUTO_LOCK_MS } from '../machines/supervisorMachine';
import type { KioskPlatform } from '../platform/types';
import { appendAudit, listAudit } from '../storage/audit';
import { loadCatalogue } from '../storage/catalogue';
import { loadOfficeIdentity } from '../storage/officeIdentity';
import type { OutboxItem, ShubbakDb } from '../storage/db';
import { PromptRecordingsDb } from '../storage/promptRecordings';
import type { Microphone } from '../platform/microphone';
import { pageMicrophone } from '../platform/browserMicrophone';
import { countOutbox, discardItem, listOutbox, retryItem } from '../storage/outboxSupervision';
import { loadSettings, saveSettings } from '../storage/settings';
import { collectDiagnostics } from './diagnostics';
import { createPinLock } from './pinLock';
import { changedSettings, validateSettings } from './settingsValidation';
import type { SyncService } from '../sync/syncService';
import type { OutboxRow, SupervisorServices } from './types';
import { createVoicePromptServices } from './voicePrompts';

/** The part of the sync service the supervisor uses. */
export type SupervisorSyncSource = Pick<SyncService, 'getStatus' | 'subscribe' | 'trigger' | 'enrol'>;

export interface SupervisorServicesDeps {
  db: ShubbakDb;
  platform: KioskPlatform;
  sync: SupervisorSyncSource;
  now?: () => number;
  autoLockMs?: number;
  estimateStorage?: () => Promise<{ usage?: number; quota?: number } | null>;
  /** From the operator's kiosk-config.json; plain http:// only to this machine by default. */
  backofficePolicy?: BackofficeUrlPolicy;
  /** The office's prompt recordings (the same database the sync pulls into and the player reads). */
  recordings?: PromptRecordingsDb;
  /** The tablet's microphone, for the voice prompts page; the page's own when absent. */
  microphone?: Microphone;
}

/** Drops the citizen's request: whatever a supervisor screen shows comes from this projection. */
export function toOutboxRow(item: OutboxItem, catalogue?: Catalogue): OutboxRow {
  return {
    id: item.id,
    kioskSeq: item.kioskSeq,
    trackingCode: item.trackingCode,
    serviceId: item.serviceId,
    serviceName: (catalogue && findService(catalogue, item.serviceId)?.name) ?? null,
    state: item.state,
    attempts: item.attempts,
    lastError: item.lastError ?? item.rejection?.reason ?? null,
    createdAt: item.createdAt,
  };
}

function browserStorageEstimate(): Promise<{ usage?: number; quota?: number } | null> {
  return typeof navigator !== 'undefined' && navigator.storage?.estimate ? navigator.storage.estimate() : Promise.resolve(null);
}

/**
 * Composition of the supervisor's capabilities over storage, the platform and the sync service.
 * Every action that changes something is written to the audit log here, next to the change, so
 * no screen can forget to record it.
 */
export function createSupervisorServices(deps: SupervisorServicesDeps): SupervisorServices {
  const { db, platform, sync } = deps;
  const now = deps.now ?? Date.now;
  const lock = createPinLock({ db, platform, now });
  const audit = async (action: SupervisorAuditAction, detail = ''): Promise<void> => {
    await appendAudit(db, action, detail, now());
  };

  return {
    now,
    autoLockMs: deps.autoLockMs ?? DEFAULT_AUTO_LOCK_MS,
    lock,
    audit,
    async changePin(currentPin, nextPin) {
      const outcome = await lock.changePin(currentPin, nextPin);
      await audit('supervisor.pinChange', outcome.ok ? 'ok' : `refused=${outcome.reason}`);
      return outcome;
    },
    sync: {
      getStatus: () => sync.getStatus(),
      subscribe: (listener) => sync.subscribe(listener),
      async syncNow() {
        await audit('supervisor.syncNow');
        sync.trigger('manual');
      },
      async enrol(backofficeUrl, code, label) {
        const outcome = await sync.enrol(backofficeUrl, code, label);
        // The one-time code is a credential until used: never written to the log.
        await audit('supervisor.enrol', outcome.ok ? `ok deviceId=${outcome.deviceId} officeId=${outcome.officeId}` : `failed=${outcome.reason}`);
        return outcome;
      },
    },
    outbox: {
      count: () => countOutbox(db),
      async page(offset, limit) {
        const [items, catalogue] = await Promise.all([listOutbox(db, { offset, limit }), loadCatalogue(db)]);
        return items.map((item) => toOutboxRow(item, catalogue));
      },
      async retry(row) {
        const done = await retryItem(db, row.id);
        await audit('supervisor.retry', `id=${row.id} trackingCode=${row.trackingCode}${done ? '' : ' refused'}`);
        if (done) sync.trigger('manual');
        return done;
      },
      async discard(row, reason) {
        const trimmed = reason.trim();
        if (trimmed === '') throw new Error('a discard needs a reason');
        const done = await discardItem(db, row.id, trimmed);
        await audit('supervisor.discard', `id=${row.id} trackingCode=${row.trackingCode} reason=${trimmed}${done ? '' : ' refused'}`);
        return done;
      },
    },
    auditLog: {
      page: async (limit, before) =>
        (await listAudit(db, before === undefined ? { limit } : { limit, before })).map(({ id, at, action, detail }) => ({ id, at, action, detail })),
    },
    settings: {
      load: () => loadSettings(db),
      async save(next: KioskSettings) {
        const validation = validateSettings(next, deps.backofficePolicy);
        if (!validation.ok) return validation;
        const before = await loadSettings(db);
        const saved = await saveSettings(db, validation.settings);
        const changed = changedSettings(before, saved);
        if (changed.length > 0) await audit('supervisor.settingsChange', `changed=${changed.join(',')}`);
        return { ok: true, settings: saved, changed };
      },
    },
    async testPrinter(receipt) {
      const result = await platform.printReceipt(receipt);
      await audit('supervisor.printerTest', result.ok ? 'ok' : `failed=${result.reason}`);
      return result;
    },
    async diagnostics() {
      const diagnostics = await collectDiagnostics({
        appVersion: () => platform.appVersion(),
        host: async () => (await platform.deviceIdentity()).host,
        settings: () => loadSettings(db),
        syncStatus: () => sync.getStatus(),
        countByState: (state) => countOutbox(db, [state]),
        recentErrors: async () => (await listOutbox(db, { offset: 0, limit: 20, states: ['rejected', 'queued'] })).map((item) => toOutboxRow(item).lastError),
        estimateStorage: deps.estimateStorage ?? browserStorageEstimate,
        now,
      });
      await audit('supervisor.export');
      return diagnostics;
    },
    voicePrompts: createVoicePromptServices({
      recordings: deps.recordings ?? new PromptRecordingsDb(),
      microphone: deps.microphone ?? pageMicrophone(),
      officeStreets: async () => (await loadOfficeIdentity(db))?.streets ?? [],
      audit,
      triggerSync: () => sync.trigger('manual'),
      now,
    }),
  };
}
