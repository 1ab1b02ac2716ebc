/**
 * The end-to-end harness: the real back office as a child process, the built kiosk page on a
 * loopback server, and Debian's Chromium driven by playwright-core. Used by tests/e2e,
 * tests/fault and bench/.
 */
export { startBackoffice, type BackofficeOptions, type RunningBackoffice } from './support/backofficeProcess';
export { startDemoOffice, type DemoOffice } from './support/demoOffice';
export { startKioskServer, launchKiosk, CHROMIUM_ARGS, ChromiumMissingError, type KioskServerTestOptions, type LaunchedKiosk } from './support/kiosk';
export { auditRows, closeOutboxProbe, outboxHasPending, outboxRows, outboxStateCounts, putOutboxRows, metaValue } from './support/indexedDb';
export { freePort, tempDir, waitFor, type WaitOptions } from './support/system';
export { loadInPage } from './support/inPage';
export { CHROMIUM, DIST_DIR, REPO_ROOT } from './support/paths';
