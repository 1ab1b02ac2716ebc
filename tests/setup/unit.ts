// Real IndexedDB semantics (transactions, indexes, unique constraints) in jsdom.
import 'fake-indexeddb/auto';
import { afterEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(async () => {
  cleanup();
  // The kiosk loads spoken guidance, the on-screen keyboard and other locales on demand. A test
  // can end while such a load is still on its way; let it land before the environment is torn
  // down, or a slow run reports it as an unhandled error after the file has passed.
  await vi.dynamicImportSettled();
});
