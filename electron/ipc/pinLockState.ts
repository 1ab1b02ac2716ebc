import { ipcArgumentSchemas } from '../../src/domain/ipcContract';
import { PLATFORM_CHANNELS } from '../../src/platform/types';
import type { IpcContext, IpcMainLike } from './context';
import { handleFromApp } from './fromApp';

export const channel = PLATFORM_CHANNELS.pinLockState;

/** Whether a PIN exists (or the key store is still locked) and the lockout: never the hash. */
export function register(ipcMain: IpcMainLike, ctx: IpcContext): void {
  handleFromApp(ipcMain, channel, ctx.appOrigin, ipcArgumentSchemas.pinLockState, () => ctx.pinVault.state());
}
