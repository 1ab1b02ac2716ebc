import { describe, expect, it } from 'vitest';
import { measureIngest } from '../../backoffice/src/bench/ingest';

// A real server process started through tsx: its first compile can take a while on a busy machine.
const SERVER_START_ALLOWANCE_MS = 90_000;

describe('ingest benchmark helper', () => {
  it(
    'pushes the requested count through a real server on loopback, every request accepted',
    async () => {
      const measure = await measureIngest({ count: 1_000, batchSize: 250, warmupBatches: 1 });
      expect(measure).toMatchObject({ count: 1_000, batchSize: 250, kiosks: 1, warmupRequests: 250 });
      expect(measure.requestsPerSecond).toBeGreaterThan(0);
      expect(measure.requestsPerCpuSecond === null || measure.requestsPerCpuSecond > 0).toBe(true);
      // SQLite runs inside the instance: no database server to measure; the client pushed, so it spent CPU.
      expect(measure.cpuMicrosecondsPerRequest.database).toBeNull();
      expect(measure.cpuMicrosecondsPerRequest.client).toBeGreaterThan(0);
    },
    SERVER_START_ALLOWANCE_MS,
  );

  it(
    'shares the count between kiosks enrolled with their own tokens, pushing at once (each request accepted, none refused as another kiosk\'s)',
    async () => {
      const measure = await measureIngest({ count: 900, batchSize: 100, warmupBatches: 1, kiosks: 3 });
      expect(measure).toMatchObject({ count: 900, batchSize: 100, kiosks: 3 });
      expect(measure.requestsPerSecond).toBeGreaterThan(0);
    },
    SERVER_START_ALLOWANCE_MS,
  );
});
