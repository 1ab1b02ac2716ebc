import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printInHiddenFrame, type FramePrintOptions } from '../../src/platform/browserPrinter';

function options(print?: (frameWindow: Window) => void): FramePrintOptions {
  return { timeoutMs: 20_000, setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle), ...(print ? { print } : {}) };
}

describe('browser fallback receipt printing', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('prints the receipt from a hidden, script-less frame, removes the frame, and does not claim paper came out', async () => {
    let printedFrame: HTMLIFrameElement | null = null;
    const print = vi.fn(() => {
      printedFrame = document.querySelector('iframe');
    });
    expect(await printInHiddenFrame(document, '<p>BRK-0042-7</p>', options(print))).toMatchObject({ ok: false, reason: 'unconfirmed' });
    expect(print).toHaveBeenCalledTimes(1);
    expect(printedFrame!.srcdoc).toBe('<p>BRK-0042-7</p>');
    expect(printedFrame!.getAttribute('sandbox')).not.toContain('allow-scripts');
    expect(printedFrame!.getAttribute('aria-hidden')).toBe('true');
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('reports a print() that throws as a failure', async () => {
    const print = (): void => {
      throw new Error('printing blocked');
    };
    expect(await printInHiddenFrame(document, '<p>x</p>', options(print))).toEqual({ ok: false, reason: 'failed', detail: 'printing blocked' });
  });

  describe('when the frame never loads', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });

    it('gives up after the time limit instead of hanging', async () => {
      const detached = document.implementation.createHTMLDocument('detached');
      // A frame in a document without a browsing context never loads.
      const result = printInHiddenFrame(detached, '<p>x</p>', options(vi.fn()));
      vi.advanceTimersByTime(20_000);
      expect(await result).toEqual({ ok: false, reason: 'failed', detail: 'timeout' });
      expect(detached.querySelector('iframe')).toBeNull();
    });
  });
});
