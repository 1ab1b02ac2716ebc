import { describe, expect, it } from 'vitest';
import { leastSquares, median, percentile, round } from '../../bench/stats';

describe('the statistics the benchmarks report', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('takes the median of %j as %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    [95, 95],
    [50, 50],
    [100, 100],
    [1, 1],
  ])('takes the nearest-rank %dth percentile of 1..100 as %d', (p, expected) => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, p)).toBe(expected);
  });

  it('takes the 95th percentile of a few taps as the slowest when fewer than 20', () => {
    expect(percentile([16, 16, 16, 40], 95)).toBe(40);
  });

  it('leaves the caller’s values in their order', () => {
    const values = [3, 1, 2];
    median(values);
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses to summarise nothing', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => percentile([], 95)).toThrow(RangeError);
  });

  it('rounds to the given digits', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.25, 1)).toBe(1.3);
  });

  it('fits the slope of points on a line exactly, with no error left', () => {
    const fit = leastSquares([0, 50, 100, 150].map((x) => ({ x, y: 10 + 0.002 * x })));
    expect(fit.slope).toBeCloseTo(0.002, 12);
    expect(fit.intercept).toBeCloseTo(10, 12);
    expect(fit.slopeStdErr).toBeCloseTo(0, 12);
  });

  it('fits noisy checkpoints with the slope and standard error worked by hand', () => {
    // x̄ = 1.5, ȳ = 2.5, Sxx = 5, Sxy = 4: slope 0.8, intercept 1.3; residuals -0.3, 0.9, -0.9, 0.3 sum to 1.8 squared.
    const fit = leastSquares([
      { x: 0, y: 1 },
      { x: 1, y: 3 },
      { x: 2, y: 2 },
      { x: 3, y: 4 },
    ]);
    expect(fit.slope).toBeCloseTo(0.8, 12);
    expect(fit.intercept).toBeCloseTo(1.3, 12);
    expect(fit.slopeStdErr).toBeCloseTo(Math.sqrt(1.8 / 2 / 5), 12);
  });

  it('sees a leak of 2,000 bytes a session as about 2 MB per 1,000 sessions under the noise', () => {
    const noise = [0.1, -0.12, 0.05, -0.02, 0.08, -0.09, 0.0];
    const points = noise.map((mb, i) => ({ x: i * 50, y: 5 + mb + (i * 50 * 2000) / 2 ** 20 }));
    const fit = leastSquares(points);
    expect(fit.slope * 1000).toBeGreaterThan(1.5);
    expect(fit.slope * 1000).toBeLessThan(2.3);
  });

  it('refuses a line through fewer than two distinct x', () => {
    expect(() => leastSquares([{ x: 1, y: 1 }])).toThrow(RangeError);
    expect(() => leastSquares([{ x: 1, y: 1 }, { x: 1, y: 2 }])).toThrow(RangeError);
  });

  it('gives no standard error for two points', () => {
    expect(leastSquares([{ x: 0, y: 0 }, { x: 1, y: 1 }]).slopeStdErr).toBeNaN();
  });
});
