import { fireEvent } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { BootedKiosk } from '../../../src/app/bootstrap';
import { openedStorage } from '../../../src/app/lazyStorage';
import type { KioskSettings } from '../../../src/domain/settings';
import type { KioskPlatform } from '../../../src/platform/types';
import type { ShubbakDb } from '../../../src/storage/db';
import { createSupervisorServices } from '../../../src/supervisor/services';
import type { SyncService } from '../../../src/sync/syncService';
import { testCatalogue } from '../../machines/sessionFixtures';
import { idleSyncStatus, pinHostOf } from '../../supervisor/fakes';
import { loadLaterScreens } from '../../../src/ui/ScreenRouter';
import { loadSessionKiosk } from '../../../src/app/loadSessionKiosk';

// The session machines and the screens after the first two are chunks the kiosk fetches after its
// first paint: loaded once here, so the tests render the whole flow synchronously as the kiosk does
// once warmed up (tests/ui/attractFirst.test.tsx covers the attract screen drawn before them).
await Promise.all([loadLaterScreens(), loadSessionKiosk()]);

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
export function idleSync(): SyncService {
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

export function bootedKiosk({ db, i18n, settings, sync = idleSync() }: { db: ShubbakDb; i18n: I18n; settings: KioskSettings; sync?: SyncService }): BootedKiosk {
  const submit = async () => ({ trackingCode: 'KBZ-00042-7', statusToken: null });
  const lookupStatus = async () => ({ found: false as const, reason: 'noMatch' as const });
  return {
    services: {
      submit,
      lookupStatus,
      callStaff: () => undefined,
      catalogue: testCatalogue,
      settings,
      platform,
    },
    // Already open: the unit tests render the whole flow synchronously.
    storage: openedStorage({
      db,
      sync,
      supervisor: createSupervisorServices({ db, platform, sync }),
      submit,
      lookupStatus,
      callStaff: () => undefined,
      recordedPrompts: async () => ({ url: () => null }),
      reloadCatalogue: async () => testCatalogue,
      reloadOfficeIdentity: async () => null,
      settings,
    }),
    i18n,
    enrolmentMark: null,
  };
}

/** A touch: the pointer goes down, then the click. */
export function tap(element: HTMLElement): void {
  fireEvent.pointerDown(element);
  fireEvent.click(element);
}
