import { fireEvent } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { BootedKiosk } from '../../../src/app/bootstrap';
import type { KioskSettings } from '../../../src/domain/settings';
import type { KioskPlatform } from '../../../src/platform/types';
import type { ShubbakDb } from '../../../src/storage/db';
import { createSupervisorServices } from '../../../src/supervisor/services';
import type { SyncService } from '../../../src/sync/syncService';
import { testCatalogue } from '../../machines/sessionFixtures';
import { idleSyncStatus, pinHostOf } from '../../supervisor/fakes';

/** What `bootstrap` hands `KioskApp`, over a real database and fakes for the rest: the composition root under test. */

const platform: KioskPlatform = {
  printReceipt: async () => ({ ok: true }),
  writeSecret: async () => ({ ok: true }),
  readSecret: async () => null,
  ...pinHostOf(),
  deviceIdentity: async () => ({ installationId: 'test-installation', host: 'browser' }),
  restart: async () => undefined,
  appVersion: async () => '0.0.0-test',
};

/** A sync engine that is idle, enrolled and never syncs. */
function idleSync(): SyncService {
  return {
    trigger: () => undefined,
    subscribe: () => () => undefined,
    getStatus: () => idleSyncStatus({ enrolled: true, persistentStorage: null }),
    enrol: async () => ({ ok: false, reason: 'invalidCode', message: 'not in this test' }),
    isEnrolled: async () => true,
    ready: Promise.resolve(),
    stop: () => undefined,
  };
}

export function bootedKiosk({ db, i18n, settings }: { db: ShubbakDb; i18n: I18n; settings: KioskSettings }): BootedKiosk {
  const sync = idleSync();
  return {
    db,
    services: {
      submit: async () => ({ trackingCode: 'KBZ-00042-7' }),
      lookupStatus: async () => ({ found: false, reason: 'noMatch' }),
      callStaff: () => undefined,
      catalogue: testCatalogue,
      settings,
      platform,
    },
    supervisor: createSupervisorServices({ db, platform, sync }),
    sync,
    i18n,
    reloadCatalogue: async () => testCatalogue,
    reloadOfficeIdentity: async () => null,
  };
}

/** A touch: the pointer goes down, then the click. */
export function tap(element: HTMLElement): void {
  fireEvent.pointerDown(element);
  fireEvent.click(element);
}
