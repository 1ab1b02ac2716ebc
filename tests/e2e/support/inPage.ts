import { build } from 'esbuild';
import type { Page } from 'playwright-core';

/**
 * Bundles a TypeScript entry for the browser and evaluates it in the page through the DevTools
 * protocol (which the page's CSP does not govern). Code for the page lives in its own file rather
 * than in a `page.evaluate` callback because tsx, which runs the benchmarks, rewrites named
 * functions with a `__name` helper that does not exist in the page.
 */
export async function loadInPage(page: Page, entry: string): Promise<void> {
  const bundle = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' });
  await page.evaluate(bundle.outputFiles[0]!.text);
}
