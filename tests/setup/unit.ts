// Real IndexedDB semantics (transactions, indexes, unique constraints) in jsdom.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => {
  cleanup();
});
