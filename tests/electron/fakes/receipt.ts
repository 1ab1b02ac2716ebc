import type { ReceiptToPrint } from '../../../src/platform/types';

/** A 1×1 PNG: small, valid, and a data URL like the real QR code. */
export const QR_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export function receipt(overrides: Partial<ReceiptToPrint> = {}): ReceiptToPrint {
  return {
    trackingCode: 'BRK-0042-7',
    serviceName: 'شهادة السكنى',
    officeName: 'الملحقة الإدارية بركان',
    lines: ['تاريخ الإيداع: 28/11/2026', 'المدة المعتادة: بضعة أيام'],
    qrDataUrl: QR_DATA_URL,
    locale: 'ar',
    direction: 'rtl',
    printerName: 'EPSON_TM_T20III',
    ...overrides,
  };
}
