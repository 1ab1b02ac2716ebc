import type { PrintOutcome, PrintProblem } from './types';

/** The citizen's side of a print that was not confirmed: unknown reasons count as a failure. */
export function printProblemOf(outcome: PrintOutcome): PrintProblem | null {
  if (outcome.ok) return null;
  if (outcome.reason === 'noPrinter' || outcome.reason === 'unconfirmed') return outcome.reason;
  return 'failed';
}
