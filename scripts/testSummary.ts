/**
 * Turns Vitest's JSON report into the one plain line CI reads: `Tests: N passed, N failed`.
 * Usage: tsx scripts/testSummary.ts test-results/vitest.json
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface TestCounts {
  passed: number;
  failed: number;
}

/** Counts from a Vitest JSON report; a suite that failed to load counts as one failure, so it is never silent. */
export function countTests(report: unknown): TestCounts {
  const r = report as { numPassedTests?: number; numFailedTests?: number; numFailedTestSuites?: number; testResults?: Array<{ status?: string; assertionResults?: unknown[] }> };
  if (typeof r?.numPassedTests !== 'number' || typeof r.numFailedTests !== 'number') throw new Error('not a Vitest JSON report');
  const brokenFiles = (r.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults?.length ?? 0) === 0).length;
  return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles };
}

export function summaryLine(counts: TestCounts): string {
  return `Tests: ${counts.passed} passed, ${counts.failed} failed`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? 'test-results/vitest.json';
  if (!existsSync(file)) {
    console.log('Vitest did not run (typecheck, lint or build failed first): see above.');
    console.log(summaryLine({ passed: 0, failed: 1 }));
    process.exit(1);
  }
  const counts = countTests(JSON.parse(readFileSync(file, 'utf8')));
  console.log(summaryLine(counts));
  process.exit(counts.failed > 0 ? 1 : 0);
}
