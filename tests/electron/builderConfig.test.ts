import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asar: boolean;
  npmRebuild: boolean;
  afterPack: string;
  linux: { target: string[]; category: string };
  win: { target: string[] };
}

async function builderConfig(): Promise<BuilderConfig> {
  return parse(await readFile(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('names the app and writes packages into release/', async () => {
    expect(await builderConfig()).toMatchObject({ appId: 'ma.shubbak.kiosk', productName: 'Shubbak', directories: { output: 'release' } });
  });

  it('packs the app into an asar, with no native rebuild', async () => {
    const config = await builderConfig();
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
  });

  it('ships only the built renderer, the built main process and package.json (no sources, no back office)', async () => {
    expect((await builderConfig()).files).toEqual(['dist/**', 'dist-electron/**', 'package.json']);
  });

  it('runs the afterPack hook that flips the fuses, and the hook file exists', async () => {
    const { afterPack } = await builderConfig();
    expect(afterPack).toBe('./build/afterPack.mjs');
    expect(await readFile(new URL(`../../${afterPack}`, import.meta.url), 'utf8')).toContain('electron/afterPack.ts');
  });

  it('targets AppImage and deb (category Office) on Linux and an NSIS installer on Windows', async () => {
    const config = await builderConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.win.target).toEqual(['nsis']);
  });

  it('points package.json main at the bundled main process', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { main: string; dependencies?: Record<string, string> };
    expect(manifest.main).toBe('dist-electron/main.cjs');
    expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
  });
});
