import { ipcArgumentSchemas } from '../../src/domain/ipcContract';
import { PLATFORM_CHANNELS } from '../../src/platform/types';
import type { IpcContext, IpcMainLike } from './context';
import { handleFromApp } from './fromApp';

export const channel = PLATFORM_CHANNELS.setFirstPin;

/** Sets the PIN only while none exists: the vault refuses to overwrite one (`pinAlreadySet`). */
export function register(ipcMain: IpcMainLike, ctx: IpcContext): void {
  handleFromApp(ipcMain, channel, ctx.appOrigin, ipcArgumentSchemas.setFirstPin, ([pin]) => ctx.pinVault.setFirstPin(pin));
}
