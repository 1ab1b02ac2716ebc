import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastNonEmptyLine } from '../../scripts/processes';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { auditRows, launchKiosk, metaValue, startDemoOffice, startKioskServer, waitFor, type LaunchedKiosk, type RunningBackoffice } from './harness';

/**
 * Staff record the office's own voice on one tablet; another kiosk of the office says it. Real
 * Chromium with a fake microphone (a real MediaRecorder records its tone), the real back office,
 * and two kiosk origins (two tablets: each its own IndexedDB).
 */

const PIN = '482915';
const GESTURE_MS = 3_000;
const GUIDE = 'audio[data-testid="audio-guide"]';
const MICROPHONE = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface StoredRecording {
  promptId: string;
  language: string;
  mime: string;
  sha256: string;
  pending?: string;
  bytes: number;
}

/** The office's recordings as a kiosk holds them, read straight from its IndexedDB. */
async function storedRecordings(page: Page): Promise<StoredRecording[]> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((info) => info.name === 'shubbak-prompt-recordings')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('shubbak-prompt-recordings');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('recordings')) return [];
      const rows = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const read = db.transaction('recordings', 'readonly').objectStore('recordings').getAll();
        read.onsuccess = () => resolve(read.result as Array<Record<string, unknown>>);
        read.onerror = () => reject(read.error);
      });
      return rows.map((row) => ({
        promptId: row.promptId as string,
        language: row.language as string,
        mime: row.mime as string,
        sha256: row.sha256 as string,
        ...(row.pending ? { pending: row.pending as string } : {}),
        bytes: (row.audio as ArrayBuffer).byteLength,
      }));
    } finally {
      db.close();
    }
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type AxeRun = (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
    const { axe } = window as unknown as { axe: { run: AxeRun } };
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}`));
  });
}

async function openSupervisor(page: Page): Promise<void> {
  const box = await page.getByTestId('office-logo').boundingBox();
  if (!box) throw new Error('the office logo is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(GESTURE_MS + 300);
  await page.mouse.up();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'English' }).click();
}

async function typePin(page: Page, pin: string, submit: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  for (const digit of pin) await dialog.getByRole('button', { name: digit, exact: true }).click();
  await dialog.getByRole('button', { name: submit, exact: true }).click();
}

describe("the office's own voice, recorded on one tablet and said by another", () => {
  let backoffice: RunningBackoffice;
  let recorderServer: RunningKioskServer;
  let listenerServer: RunningKioskServer | null = null;
  let recorder: LaunchedKiosk;
  let listener: LaunchedKiosk | null = null;

  beforeAll(async () => {
    ({ backoffice, server: recorderServer } = await startDemoOffice());
    recorder = await launchKiosk({ url: recorderServer.url, extraArgs: MICROPHONE });
    await waitFor(() => metaValue(recorder.page, 'deviceId'), { timeoutMs: 60_000, description: 'the recording kiosk enrolled itself' });
  });

  afterAll(async () => {
    await listener?.close();
    await recorder?.close();
    await listenerServer?.close();
    await recorderServer?.close();
    await backoffice?.stop();
  });

  // Two kiosks, a first run (PIN hashing) and two sync cycles: long on a loaded two-core machine.
  it('records a prompt in supervisor mode, uploads it, and a second kiosk of the office plays it in listen mode', { timeout: 400_000 }, async () => {
    const started = Date.now();
    // Where a slow run spent its time, in the test's output.
    const step = (name: string) => console.log(`[recordVoicePrompt] ${Math.round((Date.now() - started) / 1000)} s: ${name}`);
    const { page } = recorder;
    // First run: enrol with a one-time code, choose the PIN (as a supervisor does on a new tablet).
    await openSupervisor(page);
    const dialog = page.getByRole('dialog');
    const code = lastNonEmptyLine(await backoffice.cli(['enrol-code', '--office', 'demo']));
    await dialog.getByLabel('One-time enrolment code').fill(code ?? '');
    await dialog.getByLabel('Name of this kiosk').fill('Counter 1');
    await dialog.getByRole('button', { name: 'Enrol', exact: true }).click();
    await dialog.getByRole('button', { name: 'Next', exact: true }).waitFor({ timeout: 60_000 });
    await typePin(page, PIN, 'Next');
    await typePin(page, PIN, 'Save');
    await page.getByRole('heading', { name: 'Synchronisation' }).waitFor();

    step('unlocked');
    await dialog.getByRole('button', { name: 'Voice prompts', exact: true }).click();
    await page.getByRole('heading', { name: 'Voice prompts' }).waitFor();
    expect(page.url()).not.toContain('#voice-prompts');
    await dialog.getByRole('group', { name: 'Language of the recording' }).getByRole('button', { name: 'العربية' }).click();
    const attract = dialog.locator('[data-prompt-id="screen.attract"]');
    expect(await attract.getAttribute('data-voice')).toBe('synthesised');
    expect(await axeViolations(page)).toEqual([]);

    step('list shown');
    await attract.getByRole('button', { name: 'Record' }).click();
    await dialog.getByRole('button', { name: 'Start recording' }).click();
    // The microphone is held: the URL says so (what Electron's permission handler checks).
    expect(page.url()).toContain('#voice-prompts');
    await waitFor(async () => ((await dialog.getByTestId('take-timer').textContent()) ?? '').startsWith('2 '), { timeoutMs: 15_000, description: 'two seconds recorded' });
    // Chromium's fake microphone plays a tone: the level meter moves.
    await waitFor(async () => Number(await dialog.getByRole('meter').getAttribute('value')) > 0, { timeoutMs: 5_000, description: 'the level meter moving' });
    expect(await axeViolations(page)).toEqual([]);
    step('recorded');
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await dialog.getByRole('button', { name: 'Play back' }).click();
    await waitFor(async () => page.getByTestId('take-playback').evaluate((audio: HTMLAudioElement) => audio.currentTime > 0), {
      timeoutMs: 10_000,
      description: 'the take played back',
    });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByText(/^Saved\./).waitFor();
    await dialog.getByRole('button', { name: 'Back to the list' }).click();
    expect(page.url()).not.toContain('#voice-prompts');

    step('saved');
    // Sent by the sync cycle the save started; settled with the back office's SHA-256.
    let mine: StoredRecording[] = [];
    await waitFor(
      async () => {
        mine = await storedRecordings(page);
        return mine.length === 1 && mine[0]!.pending === undefined;
      },
      { timeoutMs: 30_000, description: 'the recording uploaded' },
    );
    expect(mine[0]).toMatchObject({ promptId: 'screen.attract', language: 'ar', mime: 'audio/webm' });
    expect(mine[0]!.bytes).toBeGreaterThan(1_000);
    await waitFor(async () => (await attract.getAttribute('data-voice')) === 'recorded', { timeoutMs: 10_000, description: 'the list showing the office recording' });
    expect((await auditRows(page)).map((row) => row.action)).toContain('supervisor.recordingSave');
    await dialog.getByRole('button', { name: 'Lock' }).click();

    step('uploaded');
    // A second tablet of the same office: its own origin and database, enrolled with its own code.
    const second = lastNonEmptyLine(await backoffice.cli(['enrol-code', '--office', 'demo']));
    listenerServer = await startKioskServer({ backofficeUrl: backoffice.url, ...(second ? { demoEnrolmentCode: second } : {}) });
    listener = await launchKiosk({ url: listenerServer.url });
    const other = listener.page;
    let pulled: StoredRecording[] = [];
    await waitFor(
      async () => {
        pulled = await storedRecordings(other);
        return pulled.length === 1;
      },
      { timeoutMs: 60_000, description: 'the second kiosk pulling the recording' },
    );
    expect(pulled[0]).toMatchObject({ promptId: 'screen.attract', language: 'ar', sha256: mine[0]!.sha256, bytes: mine[0]!.bytes });

    step('pulled by the second kiosk');
    // Listen mode: the attract screen's prompt is the office's recording, not the shipped file.
    const listen = other.locator('button:has([data-pictogram="listen"])');
    await listen.waitFor({ state: 'visible', timeout: 30_000 });
    await listen.click();
    await waitFor(
      async () =>
        other.locator(GUIDE).evaluate((audio: HTMLAudioElement) => audio.dataset.prompt === 'screen.attract' && (audio.dataset.state === 'playing' || audio.dataset.state === 'ended')),
      { timeoutMs: 15_000, description: 'the second kiosk saying the attract prompt' },
    );
    const played = await other.locator(GUIDE).evaluate((audio: HTMLAudioElement) => ({ origin: audio.dataset.promptOrigin, language: audio.dataset.promptLanguage, src: audio.currentSrc }));
    expect(played).toMatchObject({ origin: 'recorded', language: 'ar' });
    expect(played.src).toMatch(/^blob:/);
  });
});
