import type { KioskPlatform } from '../../src/platform/types';
import * as appVersion from './appVersion';
import * as changePin from './changePin';
import type { IpcContext, IpcMainLike } from './context';
import * as deviceIdentity from './deviceIdentity';
import * as pinLockState from './pinLockState';
import * as printReceipt from './printReceipt';
import * as readSecret from './readSecret';
import * as restart from './restart';
import * as setFirstPin from './setFirstPin';
import * as unlockWithPin from './unlockWithPin';
import * as writeSecret from './writeSecret';

interface ChannelModule {
  channel: string;
  register(ipcMain: IpcMainLike, ctx: IpcContext): void;
}

/** One module per `KioskPlatform` method; the Record type makes a missing channel a compile error. */
export const PLATFORM_IPC: Readonly<Record<keyof KioskPlatform, ChannelModule>> = {
  printReceipt,
  writeSecret,
  readSecret,
  pinLockState,
  unlockWithPin,
  setFirstPin,
  changePin,
  deviceIdentity,
  restart,
  appVersion,
};

export function registerPlatformIpc(ipcMain: IpcMainLike, ctx: IpcContext): void {
  for (const module of Object.values(PLATFORM_IPC)) module.register(ipcMain, ctx);
}
