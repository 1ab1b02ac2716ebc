import { describe, expect, it } from 'vitest';
import { escapeHtml, receiptHtml } from '../../src/platform/receiptHtml';
import type { ReceiptToPrint } from '../../src/platform/types';

const QR = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function receipt(overrides: Partial<ReceiptToPrint> = {}): ReceiptToPrint {
  return {
    trackingCode: 'BRK-0042-7',
    serviceName: 'شهادة السكنى',
    officeName: 'الملحقة الإدارية بركان',
    lines: ['تاريخ الإيداع: 28/11/2026'],
    qrDataUrl: QR,
    locale: 'ar',
    direction: 'rtl',
    ...overrides,
  };
}

function parsed(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('receipt markup', () => {
  it.each([
    ['the office name', { officeName: '<img src=x onerror=alert(1)>' }],
    ['the service name', { serviceName: '<script>alert(1)</script>' }],
    ['the tracking code', { trackingCode: '"><script>alert(1)</script>' }],
    ['a line', { lines: ['</li><script>alert(1)</script>'] }],
    ['the language', { locale: '"><script>alert(1)</script>' }],
  ])('escapes %s', (_name, overrides) => {
    const html = receiptHtml(receipt(overrides));
    const doc = parsed(html);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('img:not(.qr)')).toHaveLength(0);
    expect(html).not.toContain('<script>');
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps the text readable after escaping', () => {
    const doc = parsed(receiptHtml(receipt({ officeName: 'Annexe "Centre" & <Nord>' })));
    expect(doc.querySelector('.office')?.textContent).toBe('Annexe "Centre" & <Nord>');
  });

  it.each([
    ['ar', 'rtl'],
    ['fr', 'ltr'],
    ['zgh', 'ltr'],
  ] as const)('sets lang %s and direction %s on the document', (locale, direction) => {
    const doc = parsed(receiptHtml(receipt({ locale, direction })));
    expect(doc.documentElement.lang).toBe(locale);
    expect(doc.documentElement.dir).toBe(direction);
  });

  it('keeps the tracking code left to right inside a right-to-left receipt', () => {
    const code = parsed(receiptHtml(receipt())).querySelector('.code bdi');
    expect(code?.getAttribute('dir')).toBe('ltr');
    expect(code?.textContent).toBe('BRK-0042-7');
  });

  it('shows the QR code from its data URL', () => {
    expect(parsed(receiptHtml(receipt())).querySelector('img.qr')?.getAttribute('src')).toBe(QR);
  });

  it.each([
    ['a remote image', 'https://evil.example/qr.png'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data URL that is not an image', 'data:text/html;base64,PHNjcmlwdD4='],
    ['a data URL breaking out of the attribute', 'data:image/png;base64,AAAA" onerror="alert(1)'],
  ])('leaves out the QR code when it is %s', (_name, qrDataUrl) => {
    const doc = parsed(receiptHtml(receipt({ qrDataUrl })));
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });

  it('sizes the page for 80 mm paper', () => {
    expect(receiptHtml(receipt())).toContain('@page { size: 80mm auto; margin: 0; }');
  });
});
