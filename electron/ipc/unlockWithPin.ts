import { ipcArgumentSchemas } from '../../src/domain/ipcContract';
import { PLATFORM_CHANNELS } from '../../src/platform/types';
import type { IpcContext, IpcMainLike } from './context';
import { handleFromApp } from './fromApp';

export const channel = PLATFORM_CHANNELS.unlockWithPin;

/** The PIN is checked, and a failure counted, here in the main process; the page gets the verdict. */
export function register(ipcMain: IpcMainLike, ctx: IpcContext): void {
  handleFromApp(ipcMain, channel, ctx.appOrigin, ipcArgumentSchemas.unlockWithPin, ([pin]) => ctx.pinVault.unlock(pin));
}
