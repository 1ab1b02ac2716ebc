import type { PowerSaveBlocker } from 'electron';

/**
 * Keeps the screen lit for as long as the app runs; the blocker id is kept so that calling this
 * twice does not stack blockers.
 */
export function createDisplayAwake(powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'isStarted'>): { start(): number } {
  let blockerId: number | undefined;
  return {
    start() {
      if (blockerId === undefined || !powerSaveBlocker.isStarted(blockerId)) {
        blockerId = powerSaveBlocker.start('prevent-display-sleep');
      }
      return blockerId;
    },
  };
}
