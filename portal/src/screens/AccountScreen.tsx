import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src/i18n/format';
import { PortalApiError } from '../api/portalApi';
import type { AccountResponse } from '../../../src/domain/portal/requests';
import { usePortal, usePortalDb } from '../app/portalContext';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { ScreenTitle } from '../components/ScreenTitle';
import { wipePortalData } from '../storage/portalDb';
import { forgetEverything, forgetSession } from '../storage/sessionStore';

type Loaded = { state: 'loading' } | { state: 'ready'; account: AccountResponse } | { state: 'offline' } | { state: 'failed' };

/**
 * Law 09-08 on the phone: what the portal keeps about the citizen, logging out, and deleting the
 * account (the back office deletes it with its sessions and the requests not yet processed; this
 * phone forgets everything of it).
 */
export default function AccountScreen() {
  const { t } = useTranslation(['portal', 'common']);
  const { api, locale, session, setSession, syncStatus } = usePortal();
  const db = usePortalDb();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pendingCount = syncStatus?.pendingCount ?? 0;

  useEffect(() => {
    let current = true;
    api.account().then(
      (account) => current && setLoaded({ state: 'ready', account }),
      (failure: unknown) => current && setLoaded({ state: failure instanceof PortalApiError && failure.reason === 'network' ? 'offline' : 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [api]);

  async function logout() {
    // The back office revokes the token; offline, the phone forgets it all the same.
    await api.logout().catch(() => undefined);
    await forgetSession();
    setSession(null);
  }

  async function deleteAccount() {
    setError(null);
    try {
      await api.deleteAccount();
    } catch (failure) {
      setError(failure instanceof PortalApiError && failure.reason === 'network' ? t('account.deleteOffline') : t('account.deleteFailed'));
      return;
    }
    await Promise.all([wipePortalData(db), forgetEverything()]);
    setSession(null);
  }

  return (
    <section className="screen">
      <ScreenTitle>{t('account.title')}</ScreenTitle>
      <h2>{t('account.data')}</h2>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'offline' ? <Notice kind="info">{t('account.offline')}</Notice> : null}
      {loaded.state === 'failed' ? <Notice kind="error">{t('account.failed')}</Notice> : null}
      {loaded.state === 'ready' ? (
        <dl className="review" data-testid="account-data">
          {loaded.account.account.phone ? (
            <div className="review__row">
              <dt>{t('account.phone')}</dt>
              <dd dir="ltr">{loaded.account.account.phone}</dd>
            </div>
          ) : null}
          {loaded.account.account.email ? (
            <div className="review__row">
              <dt>{t('account.email')}</dt>
              <dd dir="ltr">{loaded.account.account.email}</dd>
            </div>
          ) : null}
          <div className="review__row">
            <dt>{t('account.since')}</dt>
            <dd>{formatDate(loaded.account.account.createdAt, locale)}</dd>
          </div>
          <div className="review__row">
            <dt>{t('account.requests')}</dt>
            <dd>{loaded.account.requests}</dd>
          </div>
          <div className="review__row">
            <dt>{t('account.sessions')}</dt>
            <dd>{loaded.account.sessions}</dd>
          </div>
        </dl>
      ) : session?.login ? (
        <p dir="ltr">{session.login}</p>
      ) : null}
      <p>{t('account.rights')}</p>

      <h2>{t('account.logoutTitle')}</h2>
      {pendingCount > 0 ? <Notice kind="info">{t('account.logoutPending', { count: pendingCount })}</Notice> : null}
      <button type="button" className="secondary" data-testid="account-logout" onClick={() => void logout()}>
        {t('account.logout')}
      </button>

      <h2>{t('account.deleteTitle')}</h2>
      <p>{t('account.deleteExplain')}</p>
      {confirmDelete ? (
        <div className="confirm" role="group" aria-label={t('account.deleteTitle')}>
          <p>{pendingCount > 0 ? t('account.deleteConfirmPending', { count: pendingCount }) : t('account.deleteConfirm')}</p>
          <button type="button" className="danger" data-testid="account-delete-confirm" onClick={() => void deleteAccount()}>
            {t('account.deleteYes')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
            {t('common:actions.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="danger" data-testid="account-delete" onClick={() => setConfirmDelete(true)}>
          {t('account.delete')}
        </button>
      )}
      {error ? <Notice kind="error">{error}</Notice> : null}
    </section>
  );
}
