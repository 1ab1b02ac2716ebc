/**
 * How long polling helpers (vi.waitFor, expect.poll) keep looking for a state the engine reaches
 * asynchronously. Not a performance bound: generous, so a loaded CI machine does not fail a test.
 */
export const PATIENCE = { timeout: 15_000, interval: 10 } as const;
