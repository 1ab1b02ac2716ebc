import { launchKiosk, tempDir } from '../../tests/e2e/harness';

/** Records, in the page, when the attract screen's "touch to start" button first exists. */
const WATCH_ATTRACT = `
  const observer = new MutationObserver(() => {
    if (!window.__shubbakAttractReadyAt && document.querySelector('[data-testid="start"]')) {
      window.__shubbakAttractReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
`;

/**
 * Milliseconds from navigation start (performance.timeOrigin) to the interactive attract screen,
 * in a fresh browser on a fresh profile each time: no HTTP cache, no IndexedDB, as on first boot.
 * React attaches its handlers at the root before the first commit, so rendered means tappable.
 */
export async function coldStartMs(kioskUrl: string): Promise<number> {
  const kiosk = await launchKiosk({ url: 'about:blank', profileDir: await tempDir('bench-cold') });
  try {
    await kiosk.page.addInitScript(WATCH_ATTRACT);
    await kiosk.page.goto(kioskUrl);
    await kiosk.page.waitForFunction(() => '__shubbakAttractReadyAt' in window, undefined, { timeout: 30_000 });
    return await kiosk.page.evaluate(() => (window as unknown as { __shubbakAttractReadyAt: number }).__shubbakAttractReadyAt);
  } finally {
    await kiosk.close();
  }
}
