import type { i18n } from 'i18next';
import type { Catalogue } from '../domain/catalogue';
import type { OfficeIdentity } from '../domain/officeIdentity';
import type { KioskSettings } from '../domain/settings';
import { loadKioskI18n } from '../i18n/loadKioskI18n';
import { getPlatform } from '../platform';
import type { KioskPlatform } from '../platform/types';
import { catalogueFromStored, loadDefaultCatalogue } from '../storage/catalogue';
import type { FirstScreenRecords } from '../storage/firstScreenRead';
import { officeIdentityFromStored } from '../storage/officeIdentity';
import { settingsFromStored } from '../storage/settings';
import type { EnrolmentMark } from '../sync/enrolmentMark';
import type { KioskServices } from '../ui/services';
import { startFirstReads } from './firstReads';
import { configPatch, kioskConfigFrom, type KioskConfig } from './kioskConfig';
import { lazyStorage, type LazyStorage } from './lazyStorage';
import { watchPrinter } from './printerWatch';
import { createStaffChime } from './staffChime';

export interface BootedKiosk {
  /** The first screen's services; those that need the storage wait for it (`storage`). */
  services: KioskServices;
  i18n: i18n;
  /** Dexie, the sync engine and the supervisor's services: opened right after the first paint (`KioskApp`). */
  storage: LazyStorage;
  /** Whether staff must enrol this kiosk, as stored, until the sync engine says so itself. */
  enrolmentMark: EnrolmentMark | null;
}

interface FirstScreen {
  settings: KioskSettings;
  translations: i18n;
  catalogue: Catalogue;
  officeIdentity: OfficeIdentity | null;
  enrolmentMark: EnrolmentMark | null;
}

/** What the attract screen shows, from the raw read; the config's gaps are filled as the storage will store them. */
async function firstScreenFrom(records: FirstScreenRecords, config: KioskConfig, deviceToken: () => Promise<string | null>): Promise<FirstScreen> {
  const stored = settingsFromStored(records.settings);
  const settings = { ...stored, ...configPatch(stored, config) };
  // The sync engine's own test (src/sync/syncService.ts `isEnrolled`): a token, a stored enrolment and a back office.
  // The token is read only when the rest holds: without a stored enrolment its answer changes nothing, and on a
  // first boot its read would create the secrets' database beside the first read, on the same IndexedDB backing store.
  const enrolment = records.enrolmentStored && settings.backofficeUrl !== '' ? deviceToken().then((token) => token !== null) : Promise.resolve(false);
  // The shipped catalogue (only when none is stored), the translations and the token are waited for side by side.
  const storedCatalogue = catalogueFromStored(records.catalogue);
  const [catalogue, translations, enrolled] = await Promise.all([storedCatalogue ?? loadDefaultCatalogue(), loadKioskI18n(settings.defaultLocale), enrolment]);
  return {
    settings,
    translations,
    catalogue,
    officeIdentity: officeIdentityFromStored(records.officeIdentity),
    enrolmentMark: enrolled ? null : 'notEnrolled',
  };
}

/** When the raw read failed: the same values through Dexie, before the first screen (the start-up of old). */
async function firstScreenThroughStorage(storage: LazyStorage): Promise<FirstScreen> {
  const opened = await storage.ready();
  const [catalogue, officeIdentity, translations] = await Promise.all([opened.reloadCatalogue(), opened.reloadOfficeIdentity(), loadKioskI18n(opened.settings.defaultLocale)]);
  return { settings: opened.settings, translations, catalogue, officeIdentity, enrolmentMark: null };
}

function readDeviceToken(platform: KioskPlatform): Promise<string | null> {
  return platform.readSecret('deviceToken').catch(() => null);
}

/**
 * The composition root. The attract screen needs only the settings, the catalogue, the office's
 * identity and the enrolment mark: they are read with the browser's IndexedDB API
 * (src/storage/firstScreenRead.ts), so the first screen runs without Dexie, the sync engine and
 * the supervisor's services, which are a chunk of their own (src/app/storageServices.ts) opened
 * right after the first paint. The citizen's durable write is unchanged: `submit` waits for the
 * storage, which is open long before a citizen reaches the receipt.
 */
export async function bootKiosk(): Promise<BootedKiosk> {
  // Ask the browser not to evict the outbox under storage pressure; a refusal is not fatal.
  void navigator.storage?.persist?.().catch(() => false);
  // The last print's outcome goes to the office with the sync heartbeat.
  const printer = watchPrinter(getPlatform());
  const platform = printer.platform;
  const chime = createStaffChime();
  // Started by index.html before this chunk ran (src/startFirstReads.ts); started here if it was not.
  const reads = startFirstReads();
  const [config, records] = await Promise.all([kioskConfigFrom(reads.config), reads.records]);
  const storage = lazyStorage(() =>
    import('./storageServices').then(({ openStorageServices }) => openStorageServices({ config, platform, printerState: printer.state, chime })),
  );
  const first = records ? await firstScreenFrom(records, config, () => readDeviceToken(platform)) : await firstScreenThroughStorage(storage);

  const services: KioskServices = {
    submit: (input) => storage.ready().then((opened) => opened.submit(input)),
    lookupStatus: (input) => storage.ready().then((opened) => opened.lookupStatus(input)),
    callStaff: () => {
      // Inside the citizen's tap when the storage is open (it is, but for the first instants): the chime plays at once.
      if (storage.current) storage.current.callStaff();
      else void storage.ready().then((opened) => opened.callStaff());
    },
    recordedPrompts: () => storage.ready().then((opened) => opened.recordedPrompts()),
    catalogue: first.catalogue,
    settings: first.settings,
    officeIdentity: first.officeIdentity,
    platform,
  };
  return { services, i18n: first.translations, storage, enrolmentMark: first.enrolmentMark };
}
