import { ipcArgumentSchemas } from '../../src/domain/ipcContract';
import { PLATFORM_CHANNELS, type DeviceIdentity } from '../../src/platform/types';
import type { IpcContext, IpcMainLike } from './context';
import { handleFromApp } from './fromApp';

export const channel = PLATFORM_CHANNELS.deviceIdentity;

export function register(ipcMain: IpcMainLike, ctx: IpcContext): void {
  handleFromApp(ipcMain, channel, ctx.appOrigin, ipcArgumentSchemas.deviceIdentity, async (): Promise<DeviceIdentity> => ({
    installationId: await ctx.installationId(),
    host: 'electron',
  }));
}
