import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastNonEmptyLine } from '../../scripts/processes';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import type { OutboxItem } from '../../src/storage/db';
import { sampleRequest } from '../storage/support';
import { auditRows, freePort, launchKiosk, metaValue, outboxRows, putOutboxRows, startDemoOffice, tempDir, waitFor, type LaunchedKiosk, type RunningBackoffice } from './harness';

const PIN = '482915';
const WRONG = '111390';
const GESTURE_MS = 3_000;

/** Every row of the kiosk's append-only audit log, oldest first, read straight from IndexedDB. */
/** Whether any IndexedDB database of the page holds `text` anywhere (keys or values, as JSON). */
async function anyDatabaseContains(page: Page, text: string): Promise<boolean> {
  return page.evaluate(async (needle) => {
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        for (const store of [...db.objectStoreNames]) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const read = db.transaction(store, 'readonly').objectStore(store).getAll();
            read.onsuccess = () => resolve(read.result as unknown[]);
            read.onerror = () => reject(read.error);
          });
          const serialised = JSON.stringify(rows, (_key, value: unknown) => (value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? '[bytes]' : value));
          if (serialised.includes(needle)) return true;
        }
      } finally {
        db.close();
      }
    }
    return false;
  }, text);
}

async function holdOfficeLogo(page: Page, options: { clock?: boolean } = {}): Promise<void> {
  const box = await page.getByTestId('office-logo').boundingBox();
  if (!box) throw new Error('the office logo is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  if (options.clock) await page.clock.runFor(GESTURE_MS + 100);
  else await page.waitForTimeout(GESTURE_MS + 300);
  await page.mouse.up();
}

/** Opens supervisor mode and reads it in English (the kiosk speaks Arabic by default). */
async function openSupervisor(page: Page, options: { clock?: boolean } = {}): Promise<void> {
  // A test that failed half-way may have left the overlay open: start from the citizen screens.
  const leftOpen = page.getByRole('dialog').getByRole('button', { name: /^(Lock|Close)$/ });
  if ((await leftOpen.count()) > 0) await leftOpen.click();
  await holdOfficeLogo(page, options);
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'English' }).click();
}

async function typePin(page: Page, pin: string, submit: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  for (const digit of pin) await dialog.getByRole('button', { name: digit, exact: true }).click();
  await dialog.getByRole('button', { name: submit, exact: true }).click();
}

async function unlock(page: Page, options: { clock?: boolean } = {}): Promise<void> {
  await openSupervisor(page, options);
  await typePin(page, PIN, 'Unlock');
  await page.getByRole('heading', { name: 'Synchronisation' }).waitFor();
}

function queuedItem(seq: number, state: OutboxItem['state']): OutboxItem {
  const trackingCode = formatTrackingCode('QA7', seq);
  return {
    id: `01900000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    kioskSeq: seq,
    trackingCode,
    serviceId: 'residence',
    state,
    // A queued or refused request always holds its data (only synced ones are ever purged).
    request: sampleRequest({ kioskSeq: seq, trackingCode }, { serviceId: 'residence' }),
    createdAt: Date.now() - (1_000_000 - seq) * 1_000,
    attempts: state === 'rejected' ? 3 : 0,
    lastError: state === 'rejected' ? 'invalid: identity.cin' : null,
    lastAttemptAt: null,
    rejection: state === 'rejected' ? { errors: [{ path: 'identity.cin', code: 'format' }], reason: 'invalid' } : null,
  };
}

describe('supervisor mode in the built kiosk', () => {
  let backoffice: RunningBackoffice;
  let server: RunningKioskServer;
  let profileDir: string;
  let kiosk: LaunchedKiosk;

  async function relaunch(): Promise<Page> {
    await kiosk.close();
    kiosk = await launchKiosk({ url: server.url, profileDir });
    await kiosk.page.getByTestId('office-logo').waitFor();
    return kiosk.page;
  }

  beforeAll(async () => {
    // One port for the whole test: IndexedDB belongs to the origin, and relaunches must find it.
    ({ backoffice, server } = await startDemoOffice({ port: await freePort() }));
    profileDir = await tempDir('supervisor-profile');
    kiosk = await launchKiosk({ url: server.url, profileDir });
    await waitFor(() => metaValue(kiosk.page, 'deviceId'), { timeoutMs: 60_000, description: 'the kiosk enrolled itself with the demo code' });
  });

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
    await backoffice?.stop();
  });

  it('sets the PIN at first run, only after an enrolment with a one-time code, keeps only its hash, and unlocks with it', async () => {
    const { page } = kiosk;
    await openSupervisor(page);
    await page.getByText('First start: set up this kiosk').waitFor();
    const dialog = page.getByRole('dialog');
    // No PIN pad before the enrolment; the back-office address is the configured one, not editable.
    expect(await dialog.getByRole('button', { name: 'Next', exact: true }).count()).toBe(0);
    expect(await dialog.getByLabel('Back-office address').inputValue()).toBe(backoffice.url.replace(/\/$/, ''));
    expect(await dialog.getByLabel('Back-office address').getAttribute('readonly')).not.toBeNull();
    await dialog.getByLabel('One-time enrolment code').fill('ZZZZ-0000');
    await dialog.getByLabel('Name of this kiosk').fill('Counter 1');
    await dialog.getByRole('button', { name: 'Enrol', exact: true }).click();
    await dialog.getByText(/Enrolment failed/).waitFor();
    expect(await dialog.getByRole('button', { name: 'Next', exact: true }).count()).toBe(0);

    const code = lastNonEmptyLine(await backoffice.cli(['enrol-code', '--office', 'demo']));
    await dialog.getByLabel('One-time enrolment code').fill(code ?? '');
    // A slow back office: the digits are tapped while the enrolment is on its way, and must all
    // reach the PIN pad once it appears (the form's keyboard, with digit keys, once took the first).
    const slowEnrolment = /\/enrol/;
    await kiosk.context.route(slowEnrolment, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await dialog.getByRole('button', { name: 'Enrol', exact: true }).click();
    await typePin(page, PIN, 'Next');
    await kiosk.context.unroute(slowEnrolment);
    await typePin(page, PIN, 'Save');
    await page.getByRole('heading', { name: 'Synchronisation' }).waitFor();
    expect(await anyDatabaseContains(page, PIN)).toBe(false);
    await page.getByRole('button', { name: 'Lock' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);

    await unlock(page);
    expect((await auditRows(page)).map((row) => row.action)).toEqual([
      'supervisor.enrol',
      'supervisor.enrol',
      'supervisor.pinSet',
      'supervisor.unlock',
      'supervisor.lock',
      'supervisor.unlock',
    ]);
    await page.getByRole('button', { name: 'Lock' }).click();
  });

  it('browses the queue, sends a refused request again and discards another with a reason, all in the audit log', async () => {
    const { page, context } = kiosk;
    // Offline, so the sync engine leaves the rows put here as they are.
    await context.setOffline(true);
    try {
      const items = Array.from({ length: 400 }, (_, i) => queuedItem(900_001 + i, i === 399 ? 'rejected' : 'queued'));
      await putOutboxRows(page, items);
      const newest = items.at(-1)!;
      const oldest = items[0]!;
      const discardTarget = items.at(-2)!;

      await unlock(page);
      await page.getByRole('button', { name: 'Queue', exact: true }).click();
      await page.getByText(newest.trackingCode).waitFor();
      expect(await page.getByRole('listitem').count()).toBeLessThan(40);

      await page.getByTestId('outbox-scroller').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await page.getByText(oldest.trackingCode).waitFor();

      await page.getByTestId('outbox-scroller').evaluate((element) => element.scrollTo({ top: 0 }));
      await page.getByRole('button', { name: `Send again ${newest.trackingCode}` }).click();
      await page.getByText(`${newest.trackingCode} will be sent again.`).waitFor();
      // Sending again wakes the sync engine, which takes the queue in flight for a moment even
      // offline (a manual nudge does not trust navigator.onLine); an item in flight cannot be
      // discarded, so wait until the failed attempt has put everything back in the queue.
      await waitFor(async () => (await outboxRows(page)).every((row) => row.state !== 'sending'), { timeoutMs: 30_000 });

      await page.getByRole('button', { name: `Discard ${discardTarget.trackingCode}` }).click();
      const confirm = page.getByRole('alertdialog');
      await confirm.getByRole('button', { name: 'Next' }).click();
      await confirm.getByText('Give a reason before discarding.').waitFor();
      await confirm.getByRole('textbox').fill('Duplicate of a counter request');
      await confirm.getByRole('button', { name: 'Next' }).click();
      await confirm.getByRole('button', { name: 'Yes, discard it' }).click();
      await page.getByText(`${discardTarget.trackingCode} was discarded.`).waitFor();

      const rows = await outboxRows(page);
      expect(rows.find((row) => row.id === discardTarget.id)).toMatchObject({ state: 'discarded', request: null });
      expect(rows.find((row) => row.id === newest.id)?.state).toBe('queued');
      const audit = await auditRows(page);
      expect(audit.find((row) => row.action === 'supervisor.retry')?.detail).toContain(newest.trackingCode);
      expect(audit.find((row) => row.action === 'supervisor.discard')?.detail).toContain('reason=Duplicate of a counter request');

      await page.getByRole('button', { name: 'Audit log' }).click();
      await page.getByRole('cell', { name: 'Request discarded' }).waitFor();
      await page.getByRole('button', { name: 'Lock' }).click();
    } finally {
      await context.setOffline(false);
    }
  });

  it('keeps changed settings across a relaunch', async () => {
    await unlock(kiosk.page);
    await kiosk.page.getByRole('button', { name: 'Settings', exact: true }).click();
    const form = kiosk.page.getByRole('form', { name: 'Kiosk settings' });
    await form.getByRole('textbox', { name: 'Office name' }).fill('Annexe Hay Riad');
    await form.getByRole('textbox', { name: 'Office name' }).press('Tab');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Settings saved.').waitFor();

    const page = await relaunch();
    // The header shows the identity the demo office's back office sets (names per language); the
    // name typed here is what it shows before any identity is pulled, so the form is what is checked.
    await unlock(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    expect(await page.getByRole('form', { name: 'Kiosk settings' }).getByRole('textbox', { name: 'Office name' }).inputValue()).toBe('Annexe Hay Riad');
    expect((await auditRows(page)).find((row) => row.action === 'supervisor.settingsChange')?.detail).toBe('changed=officeName');
    await page.getByRole('button', { name: 'Lock' }).click();
  });

  it('locks itself after two minutes without a touch', async () => {
    const { page } = kiosk;
    await page.clock.install();
    await page.reload();
    await page.getByTestId('office-logo').waitFor();
    await unlock(page, { clock: true });
    await page.clock.runFor(60_000);
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    await page.clock.runFor(90_000);
    expect(await page.getByRole('dialog').count()).toBe(1);
    await page.clock.runFor(31_000);
    await waitFor(async () => (await page.getByRole('dialog').count()) === 0, { description: 'the overlay closed by the auto-lock' });
    expect((await auditRows(page)).at(-1)?.action).toBe('supervisor.autoLock');
  });

  it('locks the pad out after three wrong PINs, and stays locked out after a relaunch', async () => {
    const page = await relaunch();
    await openSupervisor(page);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await typePin(page, WRONG, 'Unlock');
      await page.getByText('Checking…').waitFor({ state: 'detached' });
    }
    await page.getByRole('heading', { name: 'Too many wrong PINs' }).waitFor();

    const relaunched = await relaunch();
    await openSupervisor(relaunched);
    await relaunched.getByRole('heading', { name: 'Too many wrong PINs' }).waitFor();
    expect(await relaunched.getByRole('dialog').getByRole('button', { name: '1', exact: true }).count()).toBe(0);
    const actions = (await auditRows(relaunched)).map((row) => row.action);
    expect(actions.filter((action) => action === 'supervisor.pinFailed')).toHaveLength(3);
    expect(actions).toContain('supervisor.lockout');
  });
});
