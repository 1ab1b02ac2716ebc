import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskApp } from '../../../src/app/KioskApp';
import { openedStorage } from '../../../src/app/lazyStorage';
import type { OfficeIdentity } from '../../../src/domain/officeIdentity';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { createI18n } from '../../../src/i18n/createI18n';
import { ShubbakDb } from '../../../src/storage/db';
import { FakeSync, idleSyncStatus } from '../../supervisor/fakes';
import { bootedKiosk, idleSync } from './bootedKiosk';

/**
 * The sync engine notifies the kiosk on every phase of every cycle (each request, each
 * heartbeat), for as long as the kiosk runs. A React state setter called with what is already
 * shown does not re-render, but it queues an update object on the component until its next render;
 * on KioskApp, which almost never re-renders, those piled up: two per citizen session in
 * `npm run bench:ui`, each holding the office identity just read, logo included
 * (docs/performance.md, "Heap"). These tests count the updates React holds.
 */

const IDENTITY: OfficeIdentity = {
  version: 2,
  names: { ar: 'ملحقة بركان 2', zgh: 'ⵜⴰⵏⵎⵍⵜ ⵏ ⴱⵔⴽⴰⵏ 2', fr: 'Annexe Berkane 2', en: 'Berkane annex 2' },
  logo: { mediaType: 'image/png', base64: 'iVBORw0KGgo=' },
};

interface Hook {
  queue?: { pending: Update | null } | null;
  next: Hook | null;
}
interface Update {
  next: Update;
}
interface Fiber {
  tag: number;
  memoizedState: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
}

/** Update objects waiting on the hooks of every component under `container` (React 19's fiber tree). */
function pendingHookUpdates(container: HTMLElement): number {
  const key = Object.keys(container).find((name) => name.startsWith('__reactContainer$'));
  if (!key) throw new Error('no React root on the container');
  const root = (container as unknown as Record<string, Fiber | undefined>)[key];
  if (!root) throw new Error('no React root on the container');
  const FUNCTION_COMPONENT_TAGS = new Set([0, 11, 14, 15]);
  let pending = 0;
  const stack: Fiber[] = [root];
  while (stack.length > 0) {
    const fiber = stack.pop() as Fiber;
    if (FUNCTION_COMPONENT_TAGS.has(fiber.tag)) {
      for (let hook = fiber.memoizedState as Hook | null; hook; hook = hook.next) {
        const last = hook.queue?.pending;
        if (!last) continue;
        let update = last.next;
        pending += 1;
        while (update !== last) {
          pending += 1;
          update = update.next;
        }
      }
    }
    if (fiber.child) stack.push(fiber.child);
    if (fiber.sibling) stack.push(fiber.sibling);
  }
  return pending;
}

describe('sync notifications leave nothing behind in React', () => {
  let db: ShubbakDb;
  beforeEach(() => {
    db = new ShubbakDb(`sync-updates-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function renderWith(reload: () => Promise<OfficeIdentity | null>) {
    const settings = { ...DEFAULT_SETTINGS, defaultLocale: 'fr' as const };
    const sync = new FakeSync();
    sync.status = idleSyncStatus({ enrolled: true, phase: 'idle' });
    const fakeSync = { ...idleSync(), subscribe: sync.subscribe.bind(sync), getStatus: sync.getStatus.bind(sync) };
    const boot = bootedKiosk({ db, i18n: createI18n('fr'), settings, sync: fakeSync });
    const storage = openedStorage({ ...boot.storage.current!, reloadOfficeIdentity: reload });
    const view = render(<KioskApp boot={{ ...boot, services: { ...boot.services, officeIdentity: IDENTITY }, storage }} />);
    return { sync, container: view.container };
  }

  async function syncCycles(sync: FakeSync, cycles: number): Promise<void> {
    for (let cycle = 0; cycle < cycles; cycle++) {
      await act(async () => {
        sync.publish({ phase: 'pushing' });
        sync.publish({ phase: 'idle' });
        await Promise.resolve();
      });
    }
  }

  it('keeps no update per sync cycle when the office identity read back is the one shown', async () => {
    let reads = 0;
    // A fresh copy on every read, as IndexedDB gives: each one kept would be a logo kept.
    const { sync, container } = renderWith(async () => {
      reads += 1;
      return structuredClone(IDENTITY);
    });
    await syncCycles(sync, 50);
    await waitFor(() => expect(reads).toBeGreaterThanOrEqual(50));
    expect(pendingHookUpdates(container)).toBe(0);
  });

  it('still shows a newer office identity at once, and keeps nothing after it', async () => {
    let current: OfficeIdentity = IDENTITY;
    const { sync, container } = renderWith(async () => structuredClone(current));
    await waitFor(() => expect(screen.getByTestId('office-name').textContent).toBe('Annexe Berkane 2'));
    current = { ...IDENTITY, version: 3, names: { ...IDENTITY.names, fr: 'Annexe Berkane centre' } };
    await syncCycles(sync, 1);
    await waitFor(() => expect(screen.getByTestId('office-name').textContent).toBe('Annexe Berkane centre'));
    await syncCycles(sync, 20);
    expect(pendingHookUpdates(container)).toBe(0);
  });
});
