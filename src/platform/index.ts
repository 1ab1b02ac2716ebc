import { browserPlatformForPage } from './browser';
import { createElectronPlatform } from './electronBridge';
import type { KioskPlatform } from './types';

declare global {
  interface Window {
    /** Set by electron/preload.ts when the page runs in the Electron shell. */
    shubbak?: KioskPlatform;
  }
}

let platform: KioskPlatform | undefined;

/** The host's capabilities: the Electron bridge when present, else the browser fallback. One per page. */
export function getPlatform(): KioskPlatform {
  platform ??= window.shubbak ? createElectronPlatform(window.shubbak) : browserPlatformForPage(window);
  return platform;
}
