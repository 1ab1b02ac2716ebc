/**
 * `npm start`: the whole kiosk on one machine. Builds the page, starts the back office on its
 * embedded SQLite database, prepares a clearly labelled demo office on a fresh clone (whose
 * enrolment code the kiosk uses to enrol itself), serves the kiosk on loopback and opens it in
 * Electron when its binary is present, otherwise in Chromium's kiosk mode. Ctrl+C stops it all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { collectOutput, REPO_ROOT, runBackofficeCli, spawnBackofficeCli, stopProcess, waitUntilHealthy } from './backofficeProcess';
import { chooseKioskShell, chromiumKioskArgs, shellMessage, type KioskShell } from './kioskShell';
import { startKioskServer, type KioskConfig } from './kioskServer';
import { electronBinaryPath, readShellFacts } from './machineFacts';
import { demoStaffLines, lastNonEmptyLine, runQuietly } from './processes';

const env = process.env;
const backofficePort = Number(env.SHUBBAK_BACKOFFICE_PORT ?? 8787);
const kioskPort = Number(env.SHUBBAK_KIOSK_PORT ?? 5180);
const dataRoot = path.join(REPO_ROOT, '.data');
const backofficeData = path.join(dataRoot, 'backoffice');
const kioskProfile = path.join(dataRoot, 'kiosk-profile');
const distDir = path.join(REPO_ROOT, 'dist');
/** The demo's messages to citizens go nowhere but here (the `log` adapter, docs/messages.md). */
const demoMessagesLog = path.join(backofficeData, 'messages.log');

async function buildPages(): Promise<void> {
  console.log('Building the kiosk page and the office console (vite build)…');
  const vite = path.join(REPO_ROOT, 'node_modules', '.bin', 'vite');
  await runQuietly(vite, ['build'], REPO_ROOT);
  // The console has its own build; the back office serves it at /console/.
  await runQuietly(vite, ['build', '-c', path.join('backoffice', 'console', 'vite.config.ts')], REPO_ROOT);
  // The citizens' portal too, served at /portal/.
  await runQuietly(vite, ['build', '-c', path.join('portal', 'vite.config.ts')], REPO_ROOT);
  if (electronBinaryPath(REPO_ROOT)) {
    console.log('Building the Electron main process…');
    await runQuietly(process.execPath, [path.join('scripts', 'build-electron.mjs')], REPO_ROOT);
  }
}

async function startBackoffice(): Promise<{ url: string; process: ChildProcess; freshOffice: boolean }> {
  const freshOffice = !existsSync(backofficeData);
  const url = `http://127.0.0.1:${backofficePort}/`;
  console.log(`Starting the back office (SQLite in ${path.relative(REPO_ROOT, backofficeData)})…`);
  const child = spawnBackofficeCli(['serve', '--port', String(backofficePort), '--data', backofficeData], {
    SHUBBAK_MESSAGES: 'log',
    SHUBBAK_MESSAGES_LOG_FILE: demoMessagesLog,
  });
  await waitUntilHealthy(child, collectOutput(child), url);
  return { url, process: child, freshOffice };
}

/** On a fresh clone: a demo office and a one-time enrolment code the kiosk will use by itself. */
async function demoEnrolmentCode(freshOffice: boolean): Promise<string | undefined> {
  if (!freshOffice && existsSync(kioskProfile)) return undefined;
  console.log('Preparing the DEMO office (demo data, not a real municipal office)…');
  const output = await runBackofficeCli(['demo-setup', '--data', backofficeData]);
  return lastNonEmptyLine(output);
}

/** The office console, and on a fresh demo its staff accounts (one per role), so a newcomer processes the request they just made. */
async function printDemoStaff(backofficeUrl: string): Promise<void> {
  console.log(`Office console: ${new URL('/console/', backofficeUrl).href}`);
  console.log(`Citizens' portal (open it on a phone on this network, or here): ${new URL('/portal/', backofficeUrl).href}`);
  console.log(`Certificate check (public): ${new URL('/verify', backofficeUrl).href}`);
  console.log(`Messages to citizens (demo: not sent, written to this log): ${path.relative(REPO_ROOT, demoMessagesLog)}`);
  // The portal's sign-in codes leave through the same (log) channel as the messages: the demo's way in.
  console.log(`  Portal demo sign-in: any phone number (e.g. 0612345678); the 6-digit code is written to ${path.relative(REPO_ROOT, demoMessagesLog)}`);
  // Data without the demo office (a real one's) gets no demo accounts.
  const accounts = demoStaffLines(await runBackofficeCli(['demo-staff', '--data', backofficeData]).catch(() => ''));
  if (accounts.length === 0) return;
  console.log('Demo staff accounts of the DEMO office (shown only now; reset one with `npm run backoffice -- reset-password <login>`):');
  for (const { login, role, password } of accounts) console.log(`  ${role.padEnd(6)} login ${login}  password ${password}`);
}

function openShell(shell: KioskShell, kioskUrl: string): ChildProcess | null {
  switch (shell.kind) {
    case 'electron':
      // Electron loads the page from dist/ through its own protocol, never from the loopback server.
      return spawn(electronBinaryPath(REPO_ROOT) ?? 'electron', ['.'], { cwd: REPO_ROOT, stdio: 'inherit' });
    case 'chromium':
      return spawn(shell.executable, chromiumKioskArgs(kioskUrl, kioskProfile), { stdio: 'ignore' });
    case 'none':
      return null;
  }
}

/** What is running, stopped in reverse order on Ctrl+C or when start-up fails half-way. */
const stopActions: Array<() => Promise<void>> = [];
let stopping = false;

async function stopAll(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const stop of stopActions.reverse()) await stop().catch(() => undefined);
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => {
    console.log('\nStopping…');
    void stopAll(0);
  });
  process.on('SIGTERM', () => void stopAll(0));

  await buildPages();
  const backoffice = await startBackoffice();
  stopActions.push(() => stopProcess(backoffice.process, 'SIGTERM'));
  const code = await demoEnrolmentCode(backoffice.freshOffice);
  const config: KioskConfig = { backofficeUrl: backoffice.url, ...(code ? { demoEnrolmentCode: code } : {}) };
  // Electron reads its config beside the page in dist/; browsers get it from the server below.
  await writeFile(path.join(distDir, 'kiosk-config.json'), JSON.stringify(config));
  const kiosk = await startKioskServer({ distDir, config, host: '127.0.0.1', port: kioskPort });
  stopActions.push(() => kiosk.close());

  console.log(`Back office: ${backoffice.url}`);
  console.log(`Kiosk: ${kiosk.url}`);
  if (code) {
    console.log(`Demo enrolment code (used by the kiosk on its first start): ${code}`);
    // The first run of supervisor mode asks for a code of its own before a PIN can be chosen.
    const firstRunCode = lastNonEmptyLine(await runBackofficeCli(['enrol-code', '--office', 'demo', '--data', backofficeData]));
    console.log(`Supervisor mode: hold the office logo for 3 s; the first time, type this code (valid 24 h): ${firstRunCode}`);
  }
  await printDemoStaff(backoffice.url);

  const facts = readShellFacts(REPO_ROOT, env);
  const shell = chooseKioskShell(facts);
  console.log(shellMessage(shell, facts, kiosk.url));
  const window = openShell(shell, kiosk.url);
  if (window) {
    stopActions.push(() => stopProcess(window, 'SIGTERM'));
    window.on('error', (error) => console.error(`Could not open the kiosk window (${error.message}); the kiosk is still served at ${kiosk.url}`));
    window.on('exit', () => {
      if (!stopping) console.log(`The kiosk window closed; still serving ${kiosk.url} (Ctrl+C to stop).`);
    });
  }
  console.log('Press Ctrl+C to stop.');
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
