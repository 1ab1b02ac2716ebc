import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// A page's CSP may allow no inline script, so axe is evaluated through the DevTools protocol
// (which the CSP does not govern) rather than added as a <script> tag.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.2 A and AA violations on what the page shows now, one line per node. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    type AxeNode = { target: string[]; failureSummary?: string };
    type AxeRun = (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact?: string | null; nodes: AxeNode[] }> }>;
    const { axe } = window as unknown as { axe: { run: AxeRun } };
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'n/a'}) at ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    );
  }, WCAG_22_AA);
}
