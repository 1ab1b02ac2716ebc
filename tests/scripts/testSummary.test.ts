import { describe, expect, it } from 'vitest';
import { countTests, summaryLine } from '../../scripts/testSummary';

describe('the CI test summary line', () => {
  it('reads the passed and failed counts of a Vitest JSON report', () => {
    const report = { numPassedTests: 41, numFailedTests: 2, testResults: [{ status: 'failed', assertionResults: [{}, {}] }] };
    expect(summaryLine(countTests(report))).toBe('Tests: 41 passed, 2 failed');
  });

  it('counts a test file that failed to load as a failure, so a broken file is never silent', () => {
    const report = { numPassedTests: 10, numFailedTests: 0, testResults: [{ status: 'failed', assertionResults: [] }, { status: 'passed', assertionResults: [{}] }] };
    expect(countTests(report)).toEqual({ passed: 10, failed: 1 });
  });

  it('refuses something that is not a Vitest report', () => {
    expect(() => countTests({ tests: [] })).toThrow(/Vitest/);
  });
});
