import type { i18n } from 'i18next';
import type { Catalogue } from '../domain/catalogue';
import type { OfficeIdentity } from '../domain/officeIdentity';
import { DEFAULT_SETTINGS, type KioskSettings } from '../domain/settings';
import { loadKioskI18n } from '../i18n/loadKioskI18n';
import { getPlatform } from '../platform';
import type { KioskPlatform } from '../platform/types';
import { loadCatalogue } from '../storage/catalogue';
import { PromptRecordingsDb } from '../storage/promptRecordings';
import { ShubbakDb } from '../storage/db';
import { loadOfficeIdentity } from '../storage/officeIdentity';
import { loadSettings, saveSettings } from '../storage/settings';
import type { SupervisorServices } from '../supervisor/types';
import type { SyncService } from '../sync/syncService';
import type { KioskServices } from '../ui/services';
import { fetchKioskConfig, type KioskConfig } from './kioskConfig';
import { callStaff } from './callStaff';
import { lookupStatus } from './lookupStatus';
import { createRecordedPromptsLoader } from './recordedPrompts';
import { watchPrinter } from './printerWatch';
import { createStaffChime } from './staffChime';
import { submitRequest } from './submitRequest';

export interface BootedKiosk {
  db: ShubbakDb;
  services: KioskServices;
  supervisor: SupervisorServices;
  sync: SyncService;
  i18n: i18n;
  /** Reads the stored catalogue again (after a pull); the session shows a newer version at once. */
  reloadCatalogue(): Promise<Catalogue>;
  /** Reads the stored office identity again (after a pull): the header and the slip use it at once. */
  reloadOfficeIdentity(): Promise<OfficeIdentity | null>;
}

/**
 * The config file only fills gaps: settings saved by a supervisor win, except that a configured
 * back office fills an empty one (docs/TEAM-CONTRACTS.md).
 */
async function applyKioskConfig(db: ShubbakDb, config: KioskConfig): Promise<KioskSettings> {
  const settings = await loadSettings(db);
  const patch: Partial<KioskSettings> = {};
  if (config.backofficeUrl && !settings.backofficeUrl) patch.backofficeUrl = config.backofficeUrl;
  if (config.officeName && settings.officeName === DEFAULT_SETTINGS.officeName) patch.officeName = config.officeName;
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

/**
 * The sync engine and the supervisor's services are chunks of the same local build, loaded while
 * the config is read rather than before the page starts: the first screen does not need them.
 */
function loadBackgroundModules() {
  return Promise.all([import('../sync/syncService'), import('../supervisor/services')]);
}

/** The composition root: storage, platform, config, settings, catalogue, translations, sync, then the services the screens use. */
export async function bootKiosk(): Promise<BootedKiosk> {
  // Ask the browser not to evict the outbox under storage pressure; a refusal is not fatal.
  void navigator.storage?.persist?.().catch(() => false);
  const db = new ShubbakDb();
  // The last print's outcome goes to the office with the sync heartbeat.
  const printer = watchPrinter(getPlatform());
  const platform = printer.platform;
  const [config, [{ startSyncService }, { createSupervisorServices }]] = await Promise.all([fetchKioskConfig(), loadBackgroundModules()]);
  const settings = await applyKioskConfig(db, config);
  const [catalogue, officeIdentity, translations] = await Promise.all([loadCatalogue(db), loadOfficeIdentity(db), loadKioskI18n(settings.defaultLocale)]);
  const backofficePolicy = { allowInsecureHttp: config.allowInsecureBackoffice === true };
  const recordings = new PromptRecordingsDb();
  const sync = startSyncService({ db, platform, backofficePolicy, recordings, appVersion: () => platform.appVersion(), printerState: printer.state });
  void enrolFromConfig(sync, config, platform).catch((error: unknown) => console.warn('automatic enrolment failed', error));

  const chime = createStaffChime();
  const services: KioskServices = {
    submit: (input) => submitRequest(input, { db, afterCommit: () => sync.trigger('submission') }),
    lookupStatus: (input) => lookupStatus(db, input),
    callStaff: () => void callStaff({ db, chime }),
    recordedPrompts: createRecordedPromptsLoader(recordings),
    catalogue,
    settings,
    officeIdentity,
    platform,
  };
  return {
    db,
    services,
    supervisor: createSupervisorServices({ db, platform, sync, backofficePolicy, recordings }),
    sync,
    i18n: translations,
    reloadCatalogue: () => loadCatalogue(db),
    reloadOfficeIdentity: () => loadOfficeIdentity(db),
  };
}
