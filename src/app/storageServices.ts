import type { Catalogue } from '../domain/catalogue';
import type { RecordedPrompts } from '../domain/audioPrompts';
import type { OfficeIdentity } from '../domain/officeIdentity';
import type { KioskSettings } from '../domain/settings';
import type { SavedRequest, SaveRequestInput, StatusLookupInput, StatusLookupResult } from '../machines/session/types';
import type { PrinterState } from '../domain/heartbeat';
import type { KioskPlatform } from '../platform/types';
import { loadCatalogue } from '../storage/catalogue';
import { ShubbakDb } from '../storage/db';
import { loadOfficeIdentity } from '../storage/officeIdentity';
import { PromptRecordingsDb } from '../storage/promptRecordings';
import { loadSettings, saveSettings } from '../storage/settings';
import { createSupervisorServices } from '../supervisor/services';
import type { SupervisorServices } from '../supervisor/types';
import { startSyncService, type SyncService } from '../sync/syncService';
import { callStaff } from './callStaff';
import { configPatch, type KioskConfig } from './kioskConfig';
import { lookupStatus } from './lookupStatus';
import { createRecordedPromptsLoader } from './recordedPrompts';
import type { StaffChime } from './staffChime';
import { submitRequest } from './submitRequest';

/**
 * Everything of the kiosk that runs on Dexie: the outbox write, the status lookup, the audit of a
 * call for help, the office's recordings, the sync engine and the supervisor's services. A chunk
 * of its own (with Dexie), loaded right after the attract screen has painted (src/app/bootstrap.ts).
 */
export interface StorageServices {
  db: ShubbakDb;
  sync: SyncService;
  supervisor: SupervisorServices;
  submit(input: SaveRequestInput): Promise<SavedRequest>;
  lookupStatus(input: StatusLookupInput): Promise<StatusLookupResult>;
  /** Chimes and records the call (the chime plays at once, inside the citizen's tap). */
  callStaff(): void;
  recordedPrompts(): Promise<RecordedPrompts>;
  /** Reads the stored catalogue again (after a pull); the session shows a newer version at once. */
  reloadCatalogue(): Promise<Catalogue>;
  /** Reads the stored office identity again (after a pull): the header and the slip use it at once. */
  reloadOfficeIdentity(): Promise<OfficeIdentity | null>;
  /** The settings as stored, once the config file's gaps are written (what the first screen showed, unless the read failed). */
  settings: KioskSettings;
}

export interface StorageServicesDeps {
  config: KioskConfig;
  platform: KioskPlatform;
  printerState(): PrinterState;
  chime: StaffChime;
}

async function applyKioskConfig(db: ShubbakDb, config: KioskConfig): Promise<KioskSettings> {
  const settings = await loadSettings(db);
  const patch = configPatch(settings, config);
  return Object.keys(patch).length ? saveSettings(db, patch) : settings;
}

/** A demonstration install (`npm start`) enrols itself with the code the start script obtained. */
async function enrolFromConfig(sync: SyncService, config: KioskConfig, platform: KioskPlatform): Promise<void> {
  if (!config.demoEnrolmentCode || !config.backofficeUrl || (await sync.isEnrolled())) return;
  const { installationId } = await platform.deviceIdentity();
  const outcome = await sync.enrol(config.backofficeUrl, config.demoEnrolmentCode, `kiosk-${installationId.slice(0, 8)}`);
  if (outcome.ok) sync.trigger('start');
  else console.warn(`automatic enrolment failed: ${outcome.reason}`);
}

export async function openStorageServices({ config, platform, printerState, chime }: StorageServicesDeps): Promise<StorageServices> {
  const db = new ShubbakDb();
  const settings = await applyKioskConfig(db, config);
  const backofficePolicy = { allowInsecureHttp: config.allowInsecureBackoffice === true };
  const recordings = new PromptRecordingsDb();
  const sync = startSyncService({ db, platform, backofficePolicy, recordings, appVersion: () => platform.appVersion(), printerState });
  void enrolFromConfig(sync, config, platform).catch((error: unknown) => console.warn('automatic enrolment failed', error));
  return {
    db,
    sync,
    supervisor: createSupervisorServices({ db, platform, sync, backofficePolicy, recordings }),
    submit: (input) => submitRequest(input, { db, afterCommit: () => sync.trigger('submission') }),
    lookupStatus: (input) => lookupStatus(db, input),
    callStaff: () => void callStaff({ db, chime }),
    recordedPrompts: createRecordedPromptsLoader(recordings),
    reloadCatalogue: () => loadCatalogue(db),
    reloadOfficeIdentity: () => loadOfficeIdentity(db),
    settings,
  };
}
