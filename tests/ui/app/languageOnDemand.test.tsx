import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fr from '../../../locales/fr/citizen.json';
import { KioskApp } from '../../../src/app/KioskApp';
import type { BootedKiosk } from '../../../src/app/bootstrap';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { loadKioskI18n } from '../../../src/i18n/loadKioskI18n';
import type { KioskPlatform } from '../../../src/platform/types';
import { ShubbakDb } from '../../../src/storage/db';
import { createSupervisorServices } from '../../../src/supervisor/services';
import type { SyncService } from '../../../src/sync/syncService';
import { testCatalogue } from '../../machines/sessionFixtures';

const platform: KioskPlatform = {
  printReceipt: async () => ({ ok: true }),
  writeSecret: async () => ({ ok: true }),
  readSecret: async () => null,
  deviceIdentity: async () => ({ installationId: 'test-installation', host: 'browser' }),
  restart: async () => undefined,
  appVersion: async () => '0.0.0-test',
};

const sync: SyncService = {
  trigger: () => undefined,
  subscribe: () => () => undefined,
  getStatus: () => ({ phase: 'idle', pendingCount: 0, oldestPendingAgeMs: null, rejectedCount: 0, lastSuccessAt: null, lastError: null, nextAttemptAt: null, enrolled: true, storageError: null, persistentStorage: null }),
  enrol: async () => ({ ok: false, reason: 'invalidCode', message: 'not in this test' }),
  isEnrolled: async () => true,
  ready: Promise.resolve(),
  stop: () => undefined,
};

function tap(element: HTMLElement) {
  fireEvent.pointerDown(element);
  fireEvent.click(element);
}

describe('a language loaded on demand', () => {
  let db: ShubbakDb;

  beforeEach(() => {
    db = new ShubbakDb(`language-${crypto.randomUUID()}`);
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('replaces the screen texts once loaded, and the citizen keeps what they typed', async () => {
    const settings = { ...DEFAULT_SETTINGS, defaultLocale: 'en' as const };
    const i18n = await loadKioskI18n('en');
    const boot: BootedKiosk = {
      db,
      services: { submit: async () => ({ trackingCode: 'KBZ-00042-7' }), lookupStatus: async () => ({ found: false }), catalogue: testCatalogue, settings, platform },
      supervisor: createSupervisorServices({ db, platform, sync }),
      sync,
      i18n,
      reloadCatalogue: async () => testCatalogue,
    };
    render(<KioskApp boot={boot} />);
    for (const testId of ['start', 'new-request', 'service-life', 'next']) tap(screen.getByTestId(testId));
    fireEvent.change(screen.getByTestId('field-identity-cin'), { target: { value: 'AB123456' } });
    expect(i18n.hasResourceBundle('zgh', 'citizen')).toBe(false);

    tap(screen.getByTestId('language-zgh'));
    tap(screen.getByTestId('language-fr'));

    expect(await screen.findByRole('heading', { name: fr.identity.title })).toBeTruthy();
    expect(i18n.language).toBe('fr');
    expect((screen.getByTestId('field-identity-cin') as HTMLInputElement).value).toBe('AB123456');
    expect(document.title).toBe(i18n.t('common:appName'));
  });
});
