import type { PrinterState } from '../domain/heartbeat';
import type { KioskPlatform, PrintResult } from '../platform/types';

/**
 * Remembers how the last print went, for the heartbeat the office's fleet page shows: the
 * platform is handed on with `printReceipt` observed, everything else untouched.
 */
export function watchPrinter(platform: KioskPlatform): { platform: KioskPlatform; state: () => PrinterState } {
  let state: PrinterState = 'unknown';
  const remember = (result: PrintResult): PrintResult => {
    state = result.ok ? 'ok' : result.reason === 'noPrinter' ? 'noPrinter' : result.reason === 'failed' ? 'failed' : state;
    return result;
  };
  const watched: KioskPlatform = {
    ...platform,
    printReceipt: async (receipt) => {
      try {
        return remember(await platform.printReceipt(receipt));
      } catch (error) {
        state = 'failed';
        throw error;
      }
    },
  };
  return { platform: watched, state: () => state };
}
