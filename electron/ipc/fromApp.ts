import type { z } from 'zod';
import type { InvokeEvent, IpcMainLike } from './context';

/** Why an invoke was refused; the renderer sees the promise reject with this message. */
export class IpcRefusal extends Error {
  constructor(readonly reason: 'untrustedSender' | 'invalidArguments', channel: string) {
    super(`${channel}: ${reason}`);
    this.name = 'IpcRefusal';
  }
}

/**
 * Registers a handler that runs only for the app's own frame and only with arguments its schema
 * accepts. A call from any other origin, from a frame that no longer exists, or with arguments
 * that do not parse is refused before the handler sees it.
 */
export function handleFromApp<Args extends readonly unknown[], Result>(
  ipcMain: IpcMainLike,
  channel: string,
  appOrigin: string,
  argumentsSchema: z.ZodType<Args>,
  handler: (args: Args) => Result | Promise<Result>,
): void {
  ipcMain.handle(channel, async (event: InvokeEvent, ...args: unknown[]) => {
    if (!isFromApp(event, appOrigin)) throw new IpcRefusal('untrustedSender', channel);
    const parsed = argumentsSchema.safeParse(args);
    if (!parsed.success) throw new IpcRefusal('invalidArguments', channel);
    return handler(parsed.data);
  });
}

export function isFromApp(event: InvokeEvent, appOrigin: string): boolean {
  return event.senderFrame !== null && event.senderFrame !== undefined && event.senderFrame.origin === appOrigin;
}
