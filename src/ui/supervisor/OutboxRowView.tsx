import { useSupervisorTranslation } from './supervisorLanguage';
import type { OutboxRow } from '../../supervisor/types';
import { localized } from '../../i18n/format';
import { formatDuration } from './format';

interface OutboxRowViewProps {
  /** Undefined while its page is being read. */
  row: OutboxRow | undefined;
  now: number;
  onRetry(row: OutboxRow): void;
  onDiscard(row: OutboxRow): void;
}

/** One queued request as staff see it: tracking code, service, state, attempts, error, age. Never who asked. */
export function OutboxRowView({ row, now, onRetry, onDiscard }: OutboxRowViewProps) {
  const { t, language } = useSupervisorTranslation();
  if (!row) return <span className="sv-muted">{t('outbox.loadingRow')}</span>;
  return (
    <>
      <div className="sv-outbox-main">
        <strong dir="ltr" className="sv-code">
          {row.trackingCode}
        </strong>
        <span>{row.serviceName ? localized(row.serviceName, language) : row.serviceId}</span>
        <span className={`sv-state sv-state-${row.state}`}>{t(`states.${row.state}`)}</span>
        <span>{t('outbox.attempts', { count: row.attempts })}</span>
        <span>{t('outbox.age', { age: formatDuration(Math.max(0, now - row.createdAt), language) })}</span>
      </div>
      {row.lastError && (
        <div className="sv-outbox-error" dir="auto">
          {row.lastError}
        </div>
      )}
      <div className="sv-outbox-actions">
        {row.state === 'rejected' && (
          <button type="button" className="sv-button sv-button-small" onClick={() => onRetry(row)} aria-label={t('outbox.retryLabel', { code: row.trackingCode })}>
            {t('outbox.retry')}
          </button>
        )}
        {(row.state === 'queued' || row.state === 'rejected') && (
          <button type="button" className="sv-button sv-button-small sv-button-danger" onClick={() => onDiscard(row)} aria-label={t('outbox.discardLabel', { code: row.trackingCode })}>
            {t('outbox.discard')}
          </button>
        )}
      </div>
    </>
  );
}
