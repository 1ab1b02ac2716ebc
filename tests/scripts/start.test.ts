import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { chooseKioskShell, chromiumKioskArgs, shellMessage, type ShellFacts } from '../../scripts/kioskShell';
import { electronBinaryPath, readShellFacts } from '../../scripts/machineFacts';
import { demoStaffLines, lastNonEmptyLine } from '../../scripts/processes';

const URL = 'http://127.0.0.1:5180/';
const base: ShellFacts = { electronBinary: false, electronBundle: false, chromium: '/usr/bin/chromium', display: true };

describe('choosing the window the kiosk opens in', () => {
  it.each<[string, Partial<ShellFacts>, ReturnType<typeof chooseKioskShell>]>([
    ['Electron when its binary and the main bundle exist', { electronBinary: true, electronBundle: true }, { kind: 'electron' }],
    ['Chromium when the Electron binary is missing', { electronBinary: false, electronBundle: true }, { kind: 'chromium', executable: '/usr/bin/chromium' }],
    ['Chromium when the Electron main bundle was not built', { electronBinary: true, electronBundle: false }, { kind: 'chromium', executable: '/usr/bin/chromium' }],
    ['nothing when there is no display, even with Electron', { electronBinary: true, electronBundle: true, display: false }, { kind: 'none', reason: 'noDisplay' }],
    ['nothing when there is neither Electron nor Chromium', { chromium: null }, { kind: 'none', reason: 'noBrowser' }],
  ])('opens %s', (_name, facts, expected) => {
    expect(chooseKioskShell({ ...base, ...facts })).toEqual(expected);
  });
});

describe('what npm start tells the operator', () => {
  it('says Electron only when Electron opens', () => {
    const facts = { ...base, electronBinary: true, electronBundle: true };
    expect(shellMessage(chooseKioskShell(facts), facts, URL)).toBe('Opening the kiosk in Electron.');
  });

  it.each<[string, Partial<ShellFacts>, RegExp]>([
    ['the Electron binary is missing', {}, /^Electron binary not available on this machine: opening the kiosk in Chromium kiosk mode instead\.$/],
    ['the Electron bundle is missing', { electronBinary: true }, /Electron main process not built.*Chromium kiosk mode/],
    ['there is no display', { display: false }, /No display \(DISPLAY and WAYLAND_DISPLAY are unset\).*http:\/\/127\.0\.0\.1:5180\//],
    ['no browser is installed', { chromium: null }, /sudo apt-get install chromium/],
  ])('explains in one line when %s', (_name, overrides, expected) => {
    const facts = { ...base, ...overrides };
    const message = shellMessage(chooseKioskShell(facts), facts, URL);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it.each<Partial<ShellFacts>>([{}, { electronBinary: true }, { display: false }, { chromium: null }])('never claims Electron when it does not open it (%o)', (overrides) => {
    const facts = { ...base, ...overrides };
    expect(shellMessage(chooseKioskShell(facts), facts, URL)).not.toMatch(/^Opening the kiosk in Electron/);
  });
});

describe('the Chromium kiosk command line', () => {
  it('opens the kiosk URL as a full-screen app on its own profile, printing without a dialog', () => {
    const args = chromiumKioskArgs(URL, '/srv/shubbak/.data/kiosk-profile');
    expect(args).toEqual(expect.arrayContaining(['--kiosk', `--app=${URL}`, '--kiosk-printing', '--user-data-dir=/srv/shubbak/.data/kiosk-profile', '--no-first-run']));
  });
});

describe('reading what the machine has', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'shubbak-facts-'));
  });

  it('finds no Electron binary when the package never downloaded it', async () => {
    await mkdir(path.join(root, 'node_modules', 'electron'), { recursive: true });
    expect(electronBinaryPath(root)).toBeNull();
  });

  it('finds no Electron binary when path.txt names a file that is not there', async () => {
    await mkdir(path.join(root, 'node_modules', 'electron'), { recursive: true });
    await writeFile(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(electronBinaryPath(root)).toBeNull();
  });

  it('finds the Electron binary named by path.txt', async () => {
    const dist = path.join(root, 'node_modules', 'electron', 'dist');
    await mkdir(dist, { recursive: true });
    await writeFile(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    await writeFile(path.join(dist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    expect(electronBinaryPath(root)).toBe(path.join(dist, 'electron'));
  });

  it.each<[string, NodeJS.ProcessEnv, boolean]>([
    ['X11', { DISPLAY: ':0' }, true],
    ['Wayland', { WAYLAND_DISPLAY: 'wayland-0' }, true],
    ['no display', {}, false],
  ])('sees a display under %s', (_name, environment, expected) => {
    expect(readShellFacts(root, environment).display).toBe(expected);
  });
});

describe('reading a value a CLI command hands back', () => {
  it.each([
    ['Demo office "Annexe de démonstration" ready.\nEnrolment code:\nABCD-1234\n', 'ABCD-1234'],
    ['ABCD-1234', 'ABCD-1234'],
    ['line\r\nWXYZ-9876\r\n\r\n', 'WXYZ-9876'],
    ['', undefined],
  ])('takes the last non-empty line of %j', (output, expected) => {
    expect(lastNonEmptyLine(output)).toBe(expected);
  });
});

describe('the demo staff accounts npm start prints', () => {
  it('reads one account per line and ignores anything else', () => {
    expect(demoStaffLines('demo.agent agent ABCD-EFGH-JK12\nsome other line\n\ndemo.admin admin WXYZ-2345-6789\r\n')).toEqual([
      { login: 'demo.agent', role: 'agent', password: 'ABCD-EFGH-JK12' },
      { login: 'demo.admin', role: 'admin', password: 'WXYZ-2345-6789' },
    ]);
  });
});
