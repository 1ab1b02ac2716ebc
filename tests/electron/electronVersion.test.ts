import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/** Electron supports its last three majors; a kiosk below this floor is missing Chromium security fixes. */
const ELECTRON_MAJOR_FLOOR = 40;

describe('current Electron', () => {
  it(`has the installed electron package at major ${ELECTRON_MAJOR_FLOOR} or above (read from its package.json, never loaded)`, async () => {
    const manifest = JSON.parse(await readFile(new URL('../../node_modules/electron/package.json', import.meta.url), 'utf8')) as { version: string };
    const major = Number.parseInt(manifest.version.split('.')[0] ?? '', 10);
    expect(major).toBeGreaterThanOrEqual(ELECTRON_MAJOR_FLOOR);
  });
});
