import QRCode from 'qrcode';
import { useState } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import type { SupervisorServices } from '../../supervisor/types';

type Shown = { json: string; qr: string | null } | null;

/**
 * Diagnostics for a technician, without personal data. Downloads are blocked in kiosk mode, so
 * they are shown as formatted JSON and as a QR code of the compact JSON, to scan with a phone.
 */
export function DiagnosticsPanel({ services }: { services: SupervisorServices }) {
  const { t } = useSupervisorTranslation();
  const [shown, setShown] = useState<Shown>(null);
  const [failed, setFailed] = useState(false);

  const show = async () => {
    setFailed(false);
    try {
      const diagnostics = await services.diagnostics();
      // Too much for one QR code is possible in theory (long errors); then the JSON alone is shown.
      const qr = await QRCode.toDataURL(JSON.stringify(diagnostics), { errorCorrectionLevel: 'L', margin: 2, width: 360 }).catch(() => null);
      setShown({ json: JSON.stringify(diagnostics, null, 2), qr });
    } catch {
      setFailed(true);
    }
  };

  return (
    <div className="sv-card">
      <h3>{t('diagnostics.title')}</h3>
      <p>{t('diagnostics.explain')}</p>
      <button type="button" className="sv-button" onClick={() => void show()}>
        {t('diagnostics.show')}
      </button>
      {failed && (
        <p role="alert" className="sv-error">
          {t('diagnostics.failed')}
        </p>
      )}
      {shown && (
        <div className="sv-diagnostics">
          {shown.qr ? <img src={shown.qr} alt={t('diagnostics.qrAlt')} width={360} height={360} /> : <p>{t('diagnostics.tooLargeForQr')}</p>}
          <pre dir="ltr" aria-label={t('diagnostics.jsonLabel')}>{shown.json}</pre>
        </div>
      )}
    </div>
  );
}
