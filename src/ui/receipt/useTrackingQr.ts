import { useEffect, useState } from 'react';
import { receiptQrPayload } from '../../domain/statusProof';
import { trackingQrDataUrl } from './receiptToPrint';

/** The QR image lives in this screen's state only: it goes away with the screen at reset. */
export function useTrackingQr(trackingCode: string, statusToken: string | null): string | null {
  const payload = receiptQrPayload(trackingCode, statusToken);
  const [qr, setQr] = useState<{ payload: string; url: string } | null>(null);
  useEffect(() => {
    let current = true;
    void trackingQrDataUrl(trackingCode, statusToken).then((url) => {
      if (current) setQr({ payload: receiptQrPayload(trackingCode, statusToken), url });
    });
    return () => {
      current = false;
    };
  }, [trackingCode, statusToken]);
  return qr?.payload === payload ? qr.url : null;
}
