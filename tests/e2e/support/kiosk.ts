import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startKioskServer as startServer, type RunningKioskServer } from '../../../scripts/kioskServer';
import { CHROMIUM, DIST_DIR } from './paths';
import { tempDir } from './system';

export interface KioskServerTestOptions {
  backofficeUrl?: string;
  demoEnrolmentCode?: string;
  /** Keep it the same across relaunches in one test: IndexedDB belongs to the origin, port included. */
  port?: number;
}

/** Serves the BUILT renderer (dist/) with a generated kiosk-config.json, on loopback. */
export function startKioskServer(options: KioskServerTestOptions): Promise<RunningKioskServer> {
  const config = {
    ...(options.backofficeUrl ? { backofficeUrl: options.backofficeUrl } : {}),
    ...(options.demoEnrolmentCode ? { demoEnrolmentCode: options.demoEnrolmentCode } : {}),
  };
  return startServer({ distDir: DIST_DIR, config, port: options.port ?? 0 });
}

/** The flags of docs/shared TOOLCHAIN.md: quiet, offline-friendly, no sandbox (CI containers). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissingError extends Error {
  constructor(executable: string) {
    super(`Chromium is not installed at ${executable}. Install it with: sudo apt-get install chromium (or set SHUBBAK_CHROMIUM to its path).`);
    this.name = 'ChromiumMissingError';
  }
}

export interface LaunchedKiosk {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
  /** SIGKILLs the browser process: a crash or a power cut, mid-transaction if need be. */
  kill(): Promise<void>;
}

/** Process ids whose command line is Chromium's main process on this profile (not its helpers). */
async function browserPidsFor(profileDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const args = cmdline.split('\0');
    if (args.includes(`--user-data-dir=${profileDir}`) && !args.some((arg) => arg.startsWith('--type='))) pids.push(Number(entry));
  }
  return pids;
}

/** Opens the kiosk page in headless Chromium on a persistent profile (so IndexedDB survives a relaunch). */
/** `extraArgs`: Chromium flags a test needs besides the usual ones (a fake camera, for one). */
export async function launchKiosk(options: { url: string; profileDir?: string; extraArgs?: readonly string[] }): Promise<LaunchedKiosk> {
  if (!existsSync(CHROMIUM)) throw new ChromiumMissingError(CHROMIUM);
  const profileDir = path.resolve(options.profileDir ?? (await tempDir('profile')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(options.url);
  let closed = false;
  context.on('close', () => (closed = true));
  return {
    context,
    page,
    async close() {
      if (!closed) await context.close();
    },
    async kill() {
      if (closed) return;
      const gone = new Promise<void>((resolve) => context.once('close', () => resolve()));
      const pids = await browserPidsFor(profileDir);
      if (pids.length === 0) throw new Error(`no Chromium process found for profile ${profileDir}`);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      await gone;
    },
  };
}
