import type { TFunction } from 'i18next';
import { findService, type Catalogue } from '../../domain/catalogue';
import { directionOf } from '../../domain/locales';
import { receiptQrPayload } from '../../domain/statusProof';
import type { PrintReceiptInput } from '../../machines/session/types';
import type { ReceiptToPrint } from '../../platform/types';
import { formatDate, intlLocale, localized } from '../../i18n/format';

/**
 * The QR code carries the tracking code and the random token that proves the holder at a status
 * check (src/domain/statusProof.ts): never a name or a CIN.
 */
export async function trackingQrDataUrl(trackingCode: string, statusToken: string | null): Promise<string> {
  // Loaded with the first receipt, not at start-up: a chunk of the same local build.
  const { default: QRCode } = await import('qrcode');
  return QRCode.toDataURL(receiptQrPayload(trackingCode, statusToken), { errorCorrectionLevel: 'M', margin: 2, scale: 8 });
}

/** The receipt as the platform prints it; `t` is fixed to the citizen's language. */
export async function receiptToPrint(
  input: Pick<PrintReceiptInput, 'trackingCode' | 'serviceId' | 'locale'> & Partial<Pick<PrintReceiptInput, 'statusToken'>>,
  context: { catalogue: Catalogue; officeName: string; t: TFunction<'citizen'>; now: Date },
): Promise<ReceiptToPrint> {
  const service = findService(context.catalogue, input.serviceId);
  const serviceName = service ? localized(service.name, input.locale) : input.serviceId;
  const { t } = context;
  const lines = [
    t('receipt.printTitle'),
    t('receipt.printService', { service: serviceName }),
    t('receipt.printDate', { date: formatDate(context.now.toISOString(), input.locale) }),
    t('receipt.keepCode'),
    ...(service?.returnToCounter ? [t('receipt.returnToCounter')] : []),
  ];
  return {
    trackingCode: input.trackingCode,
    serviceName,
    officeName: context.officeName,
    lines,
    qrDataUrl: await trackingQrDataUrl(input.trackingCode, input.statusToken ?? null),
    locale: intlLocale(input.locale),
    direction: directionOf(input.locale),
  };
}
