import { ipcArgumentSchemas } from '../../src/domain/ipcContract';
import { PLATFORM_CHANNELS } from '../../src/platform/types';
import type { IpcContext, IpcMainLike } from './context';
import { handleFromApp } from './fromApp';

export const channel = PLATFORM_CHANNELS.changePin;

/** Replaces the PIN only with the current one; a wrong one counts towards the lockout. */
export function register(ipcMain: IpcMainLike, ctx: IpcContext): void {
  handleFromApp(ipcMain, channel, ctx.appOrigin, ipcArgumentSchemas.changePin, ([currentPin, nextPin]) => ctx.pinVault.changePin(currentPin, nextPin));
}
