import { useEffect, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../src/domain/catalogue';
import { localized } from '../../../src/i18n/format';
import type { PortalOffice } from '../../../src/domain/portal/offices';
import { usePortal, usePortalDb } from '../app/portalContext';
import { ScreenTitle } from '../components/ScreenTitle';
import { TrackingQr } from '../components/TrackingQr';
import { isWaiting } from '../storage/portalOutbox';
import type { JourneyEvent, SavedReceipt } from './journeyState';
import { officeName } from './officeText';

/**
 * The tracking code and its QR (the kiosk's: the code and the holder's proof, never a name), to
 * show at the counter; and whether the request has reached the annex or waits on the phone.
 */
export function ReceiptStep({ receipt, service, office, send }: { receipt: SavedReceipt; service: Service; office: PortalOffice; send: Dispatch<JourneyEvent> }) {
  const { t } = useTranslation(['portal', 'citizen']);
  const { locale, syncStatus, navigate } = usePortal();
  const db = usePortalDb();
  const [waiting, setWaiting] = useState<boolean | null>(null);
  const name = officeName(office, locale);

  // Read again whenever the outbox's counts change: "kept on this phone" turns into "sent".
  const pendingCount = syncStatus?.pendingCount;
  useEffect(() => {
    let current = true;
    void isWaiting(db, receipt.trackingCode).then((answer) => current && setWaiting(answer));
    return () => {
      current = false;
    };
  }, [db, receipt.trackingCode, pendingCount]);

  return (
    <section className="screen receipt">
      <ScreenTitle>{t('citizen:receipt.title')}</ScreenTitle>
      <p className="receipt__service">{localized(service.name, locale)}</p>
      <p className="receipt__label">{t('citizen:receipt.codeLabel')}</p>
      <p className="receipt__code" dir="ltr" data-testid="receipt-code">
        {receipt.trackingCode}
      </p>
      <TrackingQr trackingCode={receipt.trackingCode} statusToken={receipt.statusToken} />
      <p>{t('receipt.showAtCounter', { office: name })}</p>
      {waiting === null ? null : waiting ? (
        <p className="notice notice--info" role="status" data-testid="receipt-queued">
          {t('receipt.queued')}
        </p>
      ) : (
        <p className="notice notice--success" role="status" data-testid="receipt-sent">
          {t('receipt.sent', { office: name })}
        </p>
      )}
      {service.returnToCounter ? <p className="notice notice--info">{t('citizen:receipt.returnToCounter')}</p> : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => navigate({ name: 'requests' })}>
          {t('receipt.myRequests')}
        </button>
        <button type="button" className="secondary" onClick={() => send({ type: 'journey.restart' })}>
          {t('receipt.another')}
        </button>
      </div>
    </section>
  );
}
