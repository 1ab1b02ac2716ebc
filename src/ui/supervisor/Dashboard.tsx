import { useState } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import type { SupervisorServices } from '../../supervisor/types';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { formatDuration, formatTimestamp } from './format';
import { useSyncStatus } from './useSyncStatus';

export function Dashboard({ services, onShowOutbox }: { services: SupervisorServices; onShowOutbox(): void }) {
  const { t, language } = useSupervisorTranslation();
  const status = useSyncStatus(services);
  const [requested, setRequested] = useState(false);
  const when = (at: number | null) => (at === null ? t('dashboard.never') : formatTimestamp(at, language));

  const syncNow = async () => {
    await services.sync.syncNow();
    setRequested(true);
  };

  return (
    <section className="sv-area" aria-labelledby="sv-dashboard-title">
      <h2 id="sv-dashboard-title">{t('dashboard.title')}</h2>
      <dl className="sv-facts">
        <dt>{t('dashboard.phase')}</dt>
        <dd>{t(`phases.${status.phase}`)}</dd>
        <dt>{t('dashboard.enrolled')}</dt>
        <dd>{status.enrolled ? t('dashboard.yes') : t('dashboard.no')}</dd>
        <dt>{t('dashboard.pending')}</dt>
        <dd>{status.pendingCount}</dd>
        <dt>{t('dashboard.oldestPending')}</dt>
        <dd>{status.oldestPendingAgeMs === null ? t('dashboard.none') : formatDuration(status.oldestPendingAgeMs, language)}</dd>
        <dt>{t('dashboard.lastSuccess')}</dt>
        <dd>{when(status.lastSuccessAt)}</dd>
        <dt>{t('dashboard.nextAttempt')}</dt>
        <dd>{when(status.nextAttemptAt)}</dd>
        <dt>{t('dashboard.persistent')}</dt>
        <dd>{status.persistentStorage === null ? t('dashboard.unknown') : status.persistentStorage ? t('dashboard.yes') : t('dashboard.persistentNo')}</dd>
        <dt>{t('dashboard.rejected')}</dt>
        <dd>{status.rejectedCount}</dd>
        <dt>{t('dashboard.lastError')}</dt>
        <dd>
          {status.lastError ? (
            <>
              {t(`reasons.${status.lastError.reason}`)} <span dir="ltr">({status.lastError.message})</span>
            </>
          ) : (
            t('dashboard.none')
          )}
        </dd>
      </dl>
      <div className="sv-actions">
        <button type="button" className="sv-button sv-button-primary" onClick={() => void syncNow()}>
          {t('dashboard.syncNow')}
        </button>
        <button type="button" className="sv-button" onClick={onShowOutbox}>
          {t('dashboard.showOutbox')}
        </button>
      </div>
      {requested && <p role="status">{t('dashboard.syncRequested')}</p>}
      {status.storageError && (
        <p role="alert" className="sv-error">
          {t(`dashboard.storageError.${status.storageError.reason}`, { at: formatTimestamp(status.storageError.at, language) })}
        </p>
      )}
      <DiagnosticsPanel services={services} />
    </section>
  );
}
