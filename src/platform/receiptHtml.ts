import { qrDataUrlSchema } from '../domain/ipcContract';
import type { ReceiptToPrint } from './types';

/** The paper is 80 mm wide; thermal heads print about 72 mm of it. */
export const RECEIPT_WIDTH_MM = 80;

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

// Fonts are the kiosk's installed Noto families: a receipt page loads nothing, not even the app's bundled fonts.
const RECEIPT_STYLE = `
@page { size: ${RECEIPT_WIDTH_MM}mm auto; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: 72mm; padding: 4mm; box-sizing: border-box; font: 11pt/1.35 'Noto Sans Arabic', 'Noto Sans Tifinagh', 'Noto Sans', 'DejaVu Sans', sans-serif; }
.office { margin: 0 0 2mm; font-size: 10pt; text-align: center; }
.service { margin: 0 0 3mm; font-size: 13pt; text-align: center; }
.code { margin: 0 0 3mm; font: 700 20pt/1.2 'DejaVu Sans Mono', monospace; letter-spacing: 0.08em; text-align: center; }
.qr { display: block; width: 36mm; height: 36mm; margin: 0 auto 3mm; image-rendering: pixelated; }
.lines { margin: 0; padding: 0; list-style: none; }
.lines li { margin: 0 0 1.5mm; }
`;

/**
 * The receipt's markup, shared by the Electron printer and the browser fallback. Every value is
 * escaped; the tracking code stays left to right inside a right-to-left receipt; the QR code is
 * shown only when it is an image data URL, so a receipt never fetches anything.
 */
export function receiptHtml(receipt: ReceiptToPrint): string {
  const direction = receipt.direction === 'rtl' ? 'rtl' : 'ltr';
  const qr = qrDataUrlSchema.safeParse(receipt.qrDataUrl).success ? `<img class="qr" alt="" src="${escapeHtml(receipt.qrDataUrl)}">` : '';
  const lines = receipt.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(receipt.locale)}" dir="${direction}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(receipt.trackingCode)}</title><style>${RECEIPT_STYLE}</style></head>`,
    '<body>',
    `<p class="office">${escapeHtml(receipt.officeName)}</p>`,
    `<h1 class="service">${escapeHtml(receipt.serviceName)}</h1>`,
    `<p class="code"><bdi dir="ltr">${escapeHtml(receipt.trackingCode)}</bdi></p>`,
    qr,
    `<ul class="lines">${lines}</ul>`,
    '</body>',
    '</html>',
  ].join('\n');
}
