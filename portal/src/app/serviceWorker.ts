/**
 * Registers the portal's service worker (written by vite-plugin-pwa: `sw.js` at the portal's base)
 * once the first screen is drawn and the page is idle, rather than at the page's `load` event:
 * its install precaches the whole shell (about 300 KB compressed), which on a phone's slow link
 * would share the bandwidth and the CPU with the first screen's own script and texts. Whatever the
 * first screen leads to next still reaches the precache: the worker claims the page when active.
 */
export function registerServiceWorkerWhenIdle(base: string, scope: Pick<Window, 'navigator'> & Partial<Pick<Window, 'requestIdleCallback'>> = window): void {
  if (!('serviceWorker' in scope.navigator)) return;
  const register = () => {
    scope.navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => console.warn('service worker not registered', error));
  };
  // The timeout bounds the wait on a page kept busy (the outbox's code loads right after the first screen).
  if (scope.requestIdleCallback) scope.requestIdleCallback(register, { timeout: 2000 });
  else setTimeout(register, 0);
}
