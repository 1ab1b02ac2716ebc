/**
 * Attempts per key in fixed windows, in memory (one back-office process). Used where the key is
 * only known inside the handler (an enrolment code's office), after @fastify/rate-limit has
 * already counted the client address. Keys of past windows are dropped when a window turns.
 */
export class WindowCounter {
  private windowStart = 0;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one attempt; false when the key has used its budget for this window. */
  take(key: string): boolean {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.counts.clear();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count <= this.max;
  }
}
