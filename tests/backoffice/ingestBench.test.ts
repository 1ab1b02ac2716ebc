import { describe, expect, it } from 'vitest';
import { measureIngest } from '../../backoffice/src/bench/ingest';

describe('ingest benchmark helper', () => {
  it('pushes the requested count through a real server on loopback, every request accepted', async () => {
    const measure = await measureIngest({ count: 1_000, batchSize: 250, warmupBatches: 1 });
    expect(measure).toMatchObject({ count: 1_000, batchSize: 250, warmupRequests: 250 });
    expect(measure.requestsPerSecond).toBeGreaterThan(0);
    expect(measure.requestsPerCpuSecond === null || measure.requestsPerCpuSecond > 0).toBe(true);
  });
});
