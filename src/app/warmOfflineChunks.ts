import { bundledLocaleFiles, loadLocaleBundle } from '../i18n/localeBundles';
import { loadBrowserPrinting } from '../platform/browser';
import { loadSessionKiosk } from './loadSessionKiosk';
import { loadLaterScreens } from '../ui/ScreenRouter';
import { loadPromptPlayer } from '../ui/audio/AudioGuide';
import { preloadOnScreenKeyboard } from '../ui/keyboard/LazyOnScreenKeyboard';

/**
 * Offline-first: the chunks kept out of the start-up bundle (the session and supervisor machines, the screens after the first, the on-screen keyboard, the QR
 * encoder, the receipt's printing, the spoken guidance's player, the MRZ parser, the receipt QR reader, every language,
 * the supervisor's screens) are fetched once the attract screen is interactive. A dynamic import
 * that has resolved once is answered from the module map afterwards, so a network loss after start-up (the page's own origin included, in the browser
 * fallback) never leaves a citizen without a keyboard, a receipt or a language, nor a
 * supervisor without the overlay.
 */
export function warmOfflineChunks(onError: (what: string, error: unknown) => void = defaultReport): Promise<void> {
  const loads: Array<[string, () => Promise<unknown>]> = [
    ['citizen session', loadSessionKiosk],
    ['citizen screens', loadLaterScreens],
    ['on-screen keyboard', preloadOnScreenKeyboard],
    ['QR encoder', () => import('qrcode')],
    ['receipt printing', () => Promise.all([import('../ui/receipt/receiptToPrint'), loadBrowserPrinting()])],
    ['spoken guidance', loadPromptPlayer],
    ['MRZ parser', () => import('../domain/mrz')],
    ['receipt QR reader', () => import('../ui/lookup/ReceiptQrScanner')],
    ['supervisor screens', () => import('../ui/supervisor/SupervisorOverlay')],
    ...bundledLocaleFiles().map(([language, namespace]): [string, () => Promise<unknown>] => [
      `${language}/${namespace}`,
      () => loadLocaleBundle(language, namespace),
    ]),
  ];
  return Promise.all(loads.map(([what, load]) => load().catch((error: unknown) => onError(what, error)))).then(() => undefined);
}

function defaultReport(what: string, error: unknown): void {
  console.error(`${what} failed to load`, error);
}
