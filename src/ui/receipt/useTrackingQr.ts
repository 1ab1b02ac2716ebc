import { useEffect, useState } from 'react';
import { trackingQrDataUrl } from './receiptToPrint';

/** The QR image lives in this screen's state only: it goes away with the screen at reset. */
export function useTrackingQr(trackingCode: string): string | null {
  const [qr, setQr] = useState<{ code: string; url: string } | null>(null);
  useEffect(() => {
    let current = true;
    void trackingQrDataUrl(trackingCode).then((url) => {
      if (current) setQr({ code: trackingCode, url });
    });
    return () => {
      current = false;
    };
  }, [trackingCode]);
  return qr?.code === trackingCode ? qr.url : null;
}
