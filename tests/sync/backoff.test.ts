import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, backoffDelay, parseRetryAfter } from '../../src/sync/backoff';

const policy = { baseMs: 1_000, capMs: 60_000, minMs: 100, maxRetryAfterMs: 3_600_000 };

describe('retry delays', () => {
  it.each([
    { attempt: 1, ceiling: 1_000 },
    { attempt: 2, ceiling: 2_000 },
    { attempt: 5, ceiling: 16_000 },
    { attempt: 7, ceiling: 60_000 },
    { attempt: 500, ceiling: 60_000 },
  ])('stays within [min, $ceiling] for attempt $attempt whatever the draw', ({ attempt, ceiling }) => {
    for (const draw of [0, 0.25, 0.5, 0.999999]) {
      const delay = backoffDelay(attempt, () => draw, null, policy);
      expect(delay).toBeGreaterThanOrEqual(policy.minMs);
      expect(delay).toBeLessThan(ceiling);
    }
    expect(backoffDelay(attempt, () => 0.999999, null, policy)).toBe(Math.floor(0.999999 * ceiling));
  });

  it('spreads kiosks across the whole range (full jitter), not around the ceiling', () => {
    expect(backoffDelay(4, () => 0.1, null, policy)).toBe(800);
    expect(backoffDelay(4, () => 0.9, null, policy)).toBe(7_200);
  });

  it('never retries sooner than the server asked, even beyond the cap', () => {
    expect(backoffDelay(1, () => 0.5, 90_000, policy)).toBe(90_000);
    expect(backoffDelay(10, () => 0.9, 5_000, policy)).toBe(54_000);
  });

  it('cuts an absurd Retry-After to an hour: the kiosk must not sleep for days', () => {
    expect(backoffDelay(1, () => 0.5, 10 * 86_400_000, DEFAULT_BACKOFF)).toBe(3_600_000);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-28T10:00:00Z');
  it.each([
    { header: '120', ms: 120_000 },
    { header: ' 0 ', ms: 0 },
    { header: 'Sat, 28 Nov 2026 10:00:30 GMT', ms: 30_000 },
    { header: 'Sat, 28 Nov 2026 09:00:00 GMT', ms: 0 },
    { header: 'soon', ms: null },
    { header: '-5', ms: null },
    { header: null, ms: null },
  ])('reads $header as $ms ms', ({ header, ms }) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
});
