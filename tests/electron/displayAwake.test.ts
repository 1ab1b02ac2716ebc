import { describe, expect, it, vi } from 'vitest';
import { createDisplayAwake } from '../../electron/displayAwake';

describe('display awake', () => {
  it("starts one 'prevent-display-sleep' blocker, however often it is asked", () => {
    const started = new Set<number>();
    const powerSaveBlocker = {
      start: vi.fn(() => {
        started.add(started.size + 1);
        return started.size;
      }),
      isStarted: (id: number) => started.has(id),
    };
    const awake = createDisplayAwake(powerSaveBlocker);
    awake.start();
    awake.start();
    expect(powerSaveBlocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep');
  });
});
