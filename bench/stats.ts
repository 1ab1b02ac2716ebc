/** Small statistics for the benchmarks: order statistics on a copy, never on the caller's array. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('no values');
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the values at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface LineFit {
  slope: number;
  intercept: number;
  /** The slope's standard error from the residuals (n − 2 degrees of freedom); NaN with two points. */
  slopeStdErr: number;
}

/** Ordinary least squares of y on x: the straight line through a series of checkpoints. */
export function leastSquares(points: ReadonlyArray<{ x: number; y: number }>): LineFit {
  if (points.length < 2) throw new RangeError('a line needs two points');
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  if (sxx === 0) throw new RangeError('a line needs two distinct x');
  const slope = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0) / sxx;
  const intercept = meanY - slope * meanX;
  const residuals = points.reduce((sum, p) => sum + (p.y - intercept - slope * p.x) ** 2, 0);
  return { slope, intercept, slopeStdErr: n > 2 ? Math.sqrt(residuals / (n - 2) / sxx) : Number.NaN };
}
