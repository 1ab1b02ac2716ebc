import { useTranslation } from 'react-i18next';
import { useTrackingQr } from '../../../src/ui/receipt/useTrackingQr';

/** The receipt's QR code, as the kiosk prints it: shown at the counter from the phone's screen. */
export function TrackingQr({ trackingCode, statusToken }: { trackingCode: string; statusToken: string | null }) {
  const { t } = useTranslation('citizen');
  const url = useTrackingQr(trackingCode, statusToken);
  return url ? <img className="qr" src={url} alt={t('receipt.qrLabel')} width={240} height={240} data-testid="receipt-qr" /> : <div className="qr qr--pending" aria-hidden="true" />;
}
