import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BootedKiosk } from '../../../src/app/bootstrap';
import { KioskApp } from '../../../src/app/KioskApp';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { createI18n } from '../../../src/i18n/createI18n';
import type { KioskPlatform } from '../../../src/platform/types';
import { ShubbakDb } from '../../../src/storage/db';
import { createSupervisorServices } from '../../../src/supervisor/services';
import type { SyncService, SyncStatus } from '../../../src/sync/syncService';
import { SUPERVISOR_GESTURE_MS } from '../../../src/ui/supervisor/useSupervisorGesture';
import { testCatalogue } from '../../machines/sessionFixtures';

const platform: KioskPlatform = {
  printReceipt: async () => ({ ok: true }),
  writeSecret: async () => ({ ok: true }),
  readSecret: async () => null,
  deviceIdentity: async () => ({ installationId: 'test-installation', host: 'browser' }),
  restart: async () => undefined,
  appVersion: async () => '0.0.0-test',
};

const idleStatus: SyncStatus = {
  phase: 'idle',
  pendingCount: 0,
  oldestPendingAgeMs: null,
  rejectedCount: 0,
  lastSuccessAt: null,
  lastError: null,
  nextAttemptAt: null,
  enrolled: true,
  storageError: null,
  persistentStorage: null,
};

function fakeSync(): SyncService {
  return {
    trigger: () => undefined,
    subscribe: () => () => undefined,
    getStatus: () => idleStatus,
    enrol: async () => ({ ok: false, reason: 'invalidCode', message: 'not in this test' }),
    isEnrolled: async () => true,
    ready: Promise.resolve(),
    stop: () => undefined,
  };
}

function tap(element: HTMLElement) {
  fireEvent.pointerDown(element);
  fireEvent.click(element);
}

describe('the composition root', () => {
  let db: ShubbakDb;

  beforeEach(() => {
    db = new ShubbakDb(`app-${crypto.randomUUID()}`);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });

  afterEach(async () => {
    vi.useRealTimers();
    db.close();
    await db.delete();
  });

  it('wipes the citizen session before supervisor mode opens, so staff never see it', () => {
    const sync = fakeSync();
    const settings = { ...DEFAULT_SETTINGS, defaultLocale: 'en' as const, officeName: 'Annexe Berkane 2' };
    const boot: BootedKiosk = {
      db,
      services: { submit: async () => ({ trackingCode: 'KBZ-00042-7' }), lookupStatus: async () => ({ found: false }), catalogue: testCatalogue, settings, platform },
      supervisor: createSupervisorServices({ db, platform, sync }),
      sync,
      i18n: createI18n('en'),
      reloadCatalogue: async () => testCatalogue,
    };
    render(<KioskApp boot={boot} />);
    for (const testId of ['start', 'new-request', 'service-life', 'next']) tap(screen.getByTestId(testId));
    fireEvent.change(screen.getByTestId('field-identity-cin'), { target: { value: 'AB123456' } });
    expect((screen.getByTestId('field-identity-cin') as HTMLInputElement).value).toBe('AB123456');

    fireEvent.pointerDown(screen.getByTestId('office-logo'), { pointerId: 1 });
    act(() => {
      vi.advanceTimersByTime(SUPERVISOR_GESTURE_MS);
    });

    expect(screen.getByTestId('kiosk').getAttribute('data-screen')).toBe('attract');
    expect(document.querySelector('[data-testid="field-identity-cin"]')).toBeNull();
    expect([...document.querySelectorAll('input')].map((input) => input.value)).not.toContain('AB123456');
  });
});
