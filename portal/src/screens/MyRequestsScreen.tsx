import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src/i18n/format';
import { PortalApiError } from '../api/portalApi';
import type { MyRequest } from '../../../src/domain/portal/requests';
import { usePortal, usePortalDb } from '../app/portalContext';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { ScreenTitle } from '../components/ScreenTitle';
import { TrackingQr } from '../components/TrackingQr';
import { readMeta } from '../../../src/storage/meta';
import type { Offerings } from '../journey/offerings';
import { officeName as nameOf } from '../journey/officeText';
import { waitingRequests, type WaitingRequest } from '../storage/portalOutbox';
import { forgetSession } from '../storage/sessionStore';
import { statusTokenKey } from '../storage/portalDb';

type Remote = { state: 'loading' } | { state: 'ready'; requests: MyRequest[] } | { state: 'offline' } | { state: 'failed' };

/** The citizen's requests: those still on the phone, then the back office's with status, reason and annex. */
export default function MyRequestsScreen() {
  const { t } = useTranslation(['portal', 'citizen', 'journey']);
  const { api, locale, syncStatus, setSession } = usePortal();
  const db = usePortalDb();
  const [remote, setRemote] = useState<Remote>({ state: 'loading' });
  const [waiting, setWaiting] = useState<WaitingRequest[]>([]);
  const [offerings, setOfferings] = useState<Offerings | null>(null);
  const [generation, setGeneration] = useState(0);
  const pendingCount = syncStatus?.pendingCount;

  const refresh = useCallback(() => setGeneration((count) => count + 1), []);

  useEffect(() => {
    let current = true;
    void waitingRequests(db).then((list) => current && setWaiting(list));
    void readMeta<Offerings | null>(db, 'portalOfferings', null).then((kept) => current && setOfferings(kept));
    api.myRequests().then(
      (requests) => current && setRemote({ state: 'ready', requests }),
      async (error: unknown) => {
        if (!current) return;
        if (error instanceof PortalApiError && error.reason === 'unauthorized') {
          await forgetSession();
          setSession(null);
          return;
        }
        setRemote({ state: error instanceof PortalApiError && error.reason === 'network' ? 'offline' : 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [api, db, setSession, generation, pendingCount]);

  const serviceName = (serviceId: string) => {
    for (const catalogue of Object.values(offerings?.catalogues ?? {})) {
      const service = catalogue.services.find((each) => each.id === serviceId);
      if (service) return service.name[locale];
    }
    return serviceId;
  };
  const officeName = (officeId: string) => nameOf(offerings?.offices.find((office) => office.id === officeId), locale);
  const onPhone = waiting.filter((item) => remote.state !== 'ready' || !remote.requests.some((request) => request.trackingCode === item.trackingCode));

  return (
    <section className="screen">
      <ScreenTitle>{t('requests.title')}</ScreenTitle>
      {onPhone.length > 0 ? (
        <ul className="cards" role="list" data-testid="requests-waiting">
          {onPhone.map((item) => (
            <li key={item.id} className="card" data-testid="request-waiting">
              <h2>{serviceName(item.serviceId)}</h2>
              <p dir="ltr" className="card__code">
                {item.trackingCode}
              </p>
              <p className="status status--waiting">{item.rejected ? t('citizen:status.local.rejected') : t('requests.waiting')}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {remote.state === 'loading' ? <Loading /> : null}
      {remote.state === 'offline' ? <Notice kind="info">{t('requests.offline')}</Notice> : null}
      {remote.state === 'failed' ? <Notice kind="error">{t('requests.failed')}</Notice> : null}
      {remote.state === 'ready' && remote.requests.length === 0 && onPhone.length === 0 ? <p>{t('requests.empty')}</p> : null}
      {remote.state === 'ready' ? (
        <ul className="cards" role="list" data-testid="requests-list">
          {remote.requests.map((request) => (
            <RequestCard key={request.id} request={request} serviceName={serviceName(request.serviceId)} officeName={officeName(request.officeId)} onChanged={refresh} />
          ))}
        </ul>
      ) : null}
      <button type="button" className="secondary" onClick={refresh} data-testid="requests-refresh">
        {t('requests.refresh')}
      </button>
    </section>
  );
}

/** One request of the back office's, with its QR at hand and, while nothing was done on it, its withdrawal. */
function RequestCard({ request, serviceName: name, officeName: office, onChanged }: { request: MyRequest; serviceName: string; officeName: string; onChanged: () => void }) {
  const { t } = useTranslation(['portal', 'citizen', 'journey', 'common']);
  const { api, locale } = usePortal();
  const db = usePortalDb();
  const [statusToken, setStatusToken] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void readMeta<string | null>(db, statusTokenKey(request.trackingCode), null).then((token) => current && setStatusToken(token));
    return () => {
      current = false;
    };
  }, [db, request.trackingCode]);
  const [showQr, setShowQr] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function withdraw() {
    try {
      await api.withdraw(request.id);
      onChanged();
    } catch (failure) {
      setError(failure instanceof PortalApiError && failure.reason === 'network' ? t('requests.withdrawOffline') : t('requests.withdrawFailed'));
    }
  }
  return (
    <li className="card" data-testid="request" data-status={request.status} data-tracking-code={request.trackingCode}>
      <h2>{name}</h2>
      <p dir="ltr" className="card__code">
        {request.trackingCode}
      </p>
      <p className={`status status--${request.status}`} data-testid="request-status">
        {t(`citizen:status.remote.${request.status}` as const)}
      </p>
      {request.status === 'refused' ? (
        <p data-testid="request-reason">
          {t('citizen:lookup.reason')}: {request.reasonCode ? t(`journey:refusal.${request.reasonCode}` as const) : null}
          {request.reason ? ` — ${request.reason}` : null}
        </p>
      ) : null}
      {office ? (
        <p>
          {t('review.office')}: {office}
        </p>
      ) : null}
      <p className="card__date">{t('requests.madeOn', { date: formatDate(request.receivedAt, locale) })}</p>
      <p className="card__date">{t('requests.updated', { date: formatDate(request.statusAt, locale) })}</p>
      <button type="button" className="secondary" aria-expanded={showQr} onClick={() => setShowQr(!showQr)}>
        {showQr ? t('requests.hideQr') : t('requests.showQr')}
      </button>
      {showQr ? <TrackingQr trackingCode={request.trackingCode} statusToken={statusToken} /> : null}
      {request.withdrawable ? (
        confirming ? (
          <div className="confirm" role="group" aria-label={t('requests.withdraw')}>
            <p>{t('requests.withdrawConfirm')}</p>
            <button type="button" className="danger" data-testid="request-withdraw-confirm" onClick={() => void withdraw()}>
              {t('requests.withdrawYes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('common:actions.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="secondary" data-testid="request-withdraw" onClick={() => setConfirming(true)}>
            {t('requests.withdraw')}
          </button>
        )
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
    </li>
  );
}
