import type { PrintResult } from './types';

export interface FramePrintOptions {
  /** How long to wait for the receipt to load and print before giving up. */
  timeoutMs: number;
  setTimeout(callback: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimeout(handle: ReturnType<typeof setTimeout>): void;
  /** Prints the loaded frame; a seam for tests, `window.print()` otherwise. */
  print?(frameWindow: Window): void;
}

/**
 * Prints receipt markup through a hidden iframe. In Chromium started with `--kiosk-printing`
 * `print()` goes to the default printer without a dialog; elsewhere a dialog appears. The frame
 * is sandboxed without scripts. A browser never learns whether paper came out, so the best answer
 * is `unconfirmed`. The result never hangs: a frame that does not load in time, or
 * a print() that throws, becomes a failure the citizen screen can show.
 */
export function printInHiddenFrame(document: Document, html: string, options: FramePrintOptions): Promise<PrintResult> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
    let settled = false;
    const finish = (result: PrintResult): void => {
      if (settled) return;
      settled = true;
      options.clearTimeout(timer);
      frame.remove();
      resolve(result);
    };
    const timer = options.setTimeout(() => finish({ ok: false, reason: 'failed', detail: 'timeout' }), options.timeoutMs);
    frame.addEventListener('load', () => {
      const frameWindow = frame.contentWindow;
      if (!frameWindow) {
        finish({ ok: false, reason: 'failed', detail: 'no frame window' });
        return;
      }
      try {
        (options.print ?? ((target: Window) => target.print()))(frameWindow);
        // print() returning says nothing about paper (kiosk-printing queues it, a dialog may be dismissed).
        finish({ ok: false, reason: 'unconfirmed', detail: 'print() returned; the browser cannot confirm the page was printed' });
      } catch (error) {
        finish({ ok: false, reason: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    });
    frame.srcdoc = html;
    document.body.append(frame);
  });
}
