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
  // SVG, not a PNG from a canvas: a string built in a millisecond or two instead of drawing and
  // PNG-encoding a 300 px canvas on the main thread (about 20 ms a receipt, twice: screen and
  // slip, 4× that on a slow tablet, right as the citizen reaches for "finish"). It scales sharply
  // on screen and on the slip, and the IPC contract accepts it (qrDataUrlSchema).
  const svg = await QRCode.toString(receiptQrPayload(trackingCode, statusToken), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}

/** The IPC contract's limit for one printed line (src/domain/ipcContract.ts). */
const MAX_LINE = 300;
const clip = (line: string) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line);

/**
 * The slip as the platform prints it, all in the citizen's language (`t` is fixed to it, and
 * `officeName` is the office's name in it): what was asked, what to bring, how long it takes,
 * where and when to collect, and how to follow it. The code and its QR are printed large above.
 */
export async function receiptToPrint(
  input: Pick<PrintReceiptInput, 'trackingCode' | 'serviceId' | 'locale'> & Partial<Pick<PrintReceiptInput, 'statusToken'>>,
  context: { catalogue: Catalogue; officeName: string; t: TFunction<['citizen', 'journey']>; now: Date },
): Promise<ReceiptToPrint> {
  const service = findService(context.catalogue, input.serviceId);
  const serviceName = service ? localized(service.name, input.locale) : input.serviceId;
  const { t, officeName } = context;
  const documents = service?.documents.map((document) => `– ${localized(document, input.locale)}`) ?? [];
  const lines = [
    t('citizen:receipt.printTitle'),
    t('citizen:receipt.printService', { service: serviceName }),
    t('citizen:receipt.printDate', { date: formatDate(context.now.toISOString(), input.locale) }),
    ...(documents.length ? [t('journey:receipt.slipDocuments'), ...documents] : []),
    ...(service ? [t('journey:receipt.slipDelay', { delay: localized(service.delay, input.locale) })] : []),
    ...(service?.returnToCounter
      ? [t('citizen:receipt.returnToCounter'), t('journey:receipt.slipCollectAtCounter', { office: officeName })]
      : [t('journey:receipt.slipCollect', { office: officeName })]),
    t('journey:receipt.slipCheck'),
    t('citizen:receipt.keepCode'),
  ].map(clip);
  return {
    trackingCode: input.trackingCode,
    serviceName,
    officeName,
    lines,
    qrDataUrl: await trackingQrDataUrl(input.trackingCode, input.statusToken ?? null),
    locale: intlLocale(input.locale),
    direction: directionOf(input.locale),
  };
}
