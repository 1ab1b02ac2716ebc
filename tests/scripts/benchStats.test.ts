import { describe, expect, it } from 'vitest';
import { median, percentile, round } from '../../bench/stats';

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
});
