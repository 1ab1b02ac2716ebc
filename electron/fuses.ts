import path from 'node:path';
import { FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';

/**
 * Electron features switched off in the packaged binary itself, so no command line, environment
 * variable or replaced file can turn the kiosk back into a general-purpose Node runtime.
 */
export const KIOSK_FUSES: FuseConfig = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app is served from app://, never file:.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** What electron-builder passes to an afterPack hook, as far as the fuses need it. */
export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** Where electron-builder put the Electron binary (the same rule it uses for its own fuse step). */
export function electronBinaryPath(context: AfterPackContext): string {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'linux':
      return path.join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    default:
      throw new Error(`no Electron binary layout known for ${electronPlatformName}`);
  }
}

export type FlipFuses = (pathToElectron: string, fuseConfig: FuseConfig) => Promise<number>;

export async function flipKioskFuses(context: AfterPackContext, flipFuses: FlipFuses): Promise<void> {
  await flipFuses(electronBinaryPath(context), KIOSK_FUSES);
}
