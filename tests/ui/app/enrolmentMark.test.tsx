import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskApp } from '../../../src/app/KioskApp';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { createI18n } from '../../../src/i18n/createI18n';
import { ShubbakDb } from '../../../src/storage/db';
import { enrolmentMarkOf } from '../../../src/sync/enrolmentMark';
import type { SyncStatus } from '../../../src/sync/syncService';
import { FakeSync, idleSyncStatus } from '../../supervisor/fakes';
import { bootedKiosk, idleSync, tap } from './bootedKiosk';

describe('whether staff must act on the enrolment', () => {
  it.each<[string, Partial<SyncStatus>, string | null]>([
    ['never enrolled', { enrolled: false, phase: 'unconfigured' }, 'notEnrolled'],
    ['refused by the back office (token revoked: 401)', { enrolled: true, phase: 'paused', lastError: { reason: 'unauthorized', message: '401', at: 1 } }, 'refused'],
    ['refused by the back office (office revoked: 403)', { enrolled: true, phase: 'paused', lastError: { reason: 'forbidden', message: '403', at: 1 } }, 'refused'],
    ['enrolled and syncing', { enrolled: true, phase: 'idle' }, null],
    ['enrolled, the network down', { enrolled: true, phase: 'backoff', lastError: { reason: 'network', message: 'offline', at: 1 } }, null],
  ])('%s: %s', (_name, status, mark) => {
    expect(enrolmentMarkOf(idleSyncStatus(status))).toBe(mark);
  });
});

describe('the enrolment mark on the attract screen', () => {
  let db: ShubbakDb;
  beforeEach(() => {
    db = new ShubbakDb(`mark-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function renderWith(status: Partial<SyncStatus>) {
    const settings = { ...DEFAULT_SETTINGS, defaultLocale: 'fr' as const };
    const sync = new FakeSync();
    sync.status = idleSyncStatus(status);
    const fakeSync = { ...idleSync(), subscribe: sync.subscribe.bind(sync), getStatus: sync.getStatus.bind(sync) };
    render(<KioskApp boot={bootedKiosk({ db, i18n: createI18n('fr'), settings, sync: fakeSync })} />);
    return sync;
  }

  it('shows staff a kiosk that is not enrolled, in the corner, while it still takes requests', () => {
    renderWith({ enrolled: false, phase: 'unconfigured' });
    const mark = screen.getByTestId('enrolment-mark');
    expect(mark.getAttribute('data-mark')).toBe('notEnrolled');
    expect(mark.textContent).toContain('Borne non enrôlée');
    // Not on the citizen's screens: only the attract screen carries it.
    tap(screen.getByTestId('start'));
    expect(screen.queryByTestId('enrolment-mark')).toBeNull();
    expect(screen.getByTestId('new-request')).toBeTruthy();
  });

  it('shows a kiosk the back office refuses, and takes the mark away once it syncs again', () => {
    const sync = renderWith({ enrolled: true, phase: 'paused', lastError: { reason: 'unauthorized', message: '401', at: 1 } });
    expect(screen.getByTestId('enrolment-mark').getAttribute('data-mark')).toBe('refused');
    act(() => sync.publish({ phase: 'idle', lastError: null }));
    expect(screen.queryByTestId('enrolment-mark')).toBeNull();
  });

  it('shows nothing on an enrolled kiosk', () => {
    renderWith({ enrolled: true, phase: 'idle' });
    expect(screen.queryByTestId('enrolment-mark')).toBeNull();
  });
});
