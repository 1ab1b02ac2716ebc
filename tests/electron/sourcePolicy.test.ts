import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ELECTRON_DIR = fileURLToPath(new URL('../../electron/', import.meta.url));

async function sources(): Promise<Array<[string, string]>> {
  const entries = await readdir(ELECTRON_DIR, { recursive: true });
  const files = entries.filter((entry) => entry.endsWith('.ts')).sort();
  return Promise.all(files.map(async (file): Promise<[string, string]> => [file, await readFile(path.join(ELECTRON_DIR, file), 'utf8')]));
}

/** Escape routes found in real kiosk apps, which no test of behaviour would notice being added. */
const FORBIDDEN: Array<[string, RegExp]> = [
  ['shell.openExternal call (nothing is opened outside the kiosk)', /openExternal\s*\(/],
  ['globalShortcut (works even without focus: devtools, quit, leave kiosk)', /globalShortcut/],
  ['switch out of kiosk or full-screen mode (supervisor mode is an overlay inside the app)', /set(Kiosk|FullScreen)\s*\(\s*false/],
  ['file: URL load', /load(URL|File)\s*\(\s*['"`]file:/],
  ['nodeIntegration: true', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
  ['sandbox: false', /sandbox\s*:\s*false/],
  ['contextIsolation: false', /contextIsolation\s*:\s*false/],
  ['webSecurity: false', /webSecurity\s*:\s*false/],
  ['enableBlinkFeatures', /enableBlinkFeatures/],
  ['webviewTag: true', /webviewTag\s*:\s*true/],
  ['openDevTools call', /openDevTools\s*\(/],
  ['ipcRenderer handed whole to the page', /exposeInMainWorld\([^)]*ipcRenderer\s*\)/],
];

describe('electron/ holds none of the known kiosk escape routes', () => {
  it.each(FORBIDDEN)('has no %s', async (_name, pattern) => {
    const offenders = (await sources()).filter(([, text]) => pattern.test(text)).map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  it('imports values from electron only in the composition root and the preload', async () => {
    const importers = (await sources()).filter(([, text]) => /^import (?!type)[^;]*from 'electron'/m.test(text)).map(([file]) => file);
    expect(importers).toEqual(['main.ts', 'preload.ts']);
  });
});
