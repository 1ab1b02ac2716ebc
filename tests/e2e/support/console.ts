import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ChromiumMissingError } from './kiosk';
import { CHROMIUM } from './paths';

/** The office PC the console is made for. */
export const OFFICE_SCREEN = { width: 1366, height: 768 };

export interface ConsoleBrowser {
  /** A fresh browser profile (its own cookies): one per staff member. */
  newDesk(): Promise<Page>;
  /** Every Content-Security-Policy violation any desk reported so far. */
  cspViolations(): string[];
  close(): Promise<void>;
}

/** Headless Chromium for console pages; each desk is a separate context, so two agents hold two sessions. */
export async function launchConsoleBrowser(consoleUrl: string): Promise<ConsoleBrowser> {
  if (!existsSync(CHROMIUM)) throw new ChromiumMissingError(CHROMIUM);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const violations: string[] = [];
  return {
    async newDesk() {
      const context = await browser.newContext({ viewport: OFFICE_SCREEN });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(consoleUrl);
      return page;
    },
    cspViolations: () => [...violations],
    close: () => browser.close(),
  };
}
