import { describe, expect, it } from 'vitest';
import { watchPrinter } from '../../../src/app/printerWatch';
import type { KioskPlatform, PrintResult } from '../../../src/platform/types';

function platformPrinting(results: Array<PrintResult | Error>): KioskPlatform {
  return {
    printReceipt: async () => {
      const next = results.shift()!;
      if (next instanceof Error) throw next;
      return next;
    },
    appVersion: async () => '0.1.0',
  } as Partial<KioskPlatform> as KioskPlatform;
}

describe('the printer watch', () => {
  it('remembers how the last print went, and passes every result and the rest of the platform through', async () => {
    const watch = watchPrinter(platformPrinting([{ ok: false, reason: 'noPrinter' }, { ok: true }, { ok: false, reason: 'cancelled' }, new Error('ipc gone')]));
    const receipt = {} as Parameters<KioskPlatform['printReceipt']>[0];
    expect(watch.state()).toBe('unknown');
    expect(await watch.platform.printReceipt(receipt)).toEqual({ ok: false, reason: 'noPrinter' });
    expect(watch.state()).toBe('noPrinter');
    await watch.platform.printReceipt(receipt);
    expect(watch.state()).toBe('ok');
    await watch.platform.printReceipt(receipt);
    expect(watch.state()).toBe('ok');
    await expect(watch.platform.printReceipt(receipt)).rejects.toThrow('ipc gone');
    expect(watch.state()).toBe('failed');
    expect(await watch.platform.appVersion()).toBe('0.1.0');
  });
});
