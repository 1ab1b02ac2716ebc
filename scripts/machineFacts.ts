import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ShellFacts } from './kioskShell';

/**
 * Where the Electron binary would be, WITHOUT loading the `electron` package: loading it tries
 * to download the binary, which fails on machines without internet access.
 */
export function electronBinaryPath(repoRoot: string): string | null {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return isExecutable(binary) ? binary : null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChromium(env: NodeJS.ProcessEnv): string | null {
  const candidates = [env.SHUBBAK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((candidate): candidate is string => Boolean(candidate) && isExecutable(candidate ?? '')) ?? null;
}

export const ELECTRON_BUNDLE = path.join('dist-electron', 'main.cjs');

export function readShellFacts(repoRoot: string, env: NodeJS.ProcessEnv): ShellFacts {
  return {
    electronBinary: electronBinaryPath(repoRoot) !== null,
    electronBundle: existsSync(path.join(repoRoot, ELECTRON_BUNDLE)),
    chromium: findChromium(env),
    display: Boolean(env.DISPLAY || env.WAYLAND_DISPLAY),
  };
}
