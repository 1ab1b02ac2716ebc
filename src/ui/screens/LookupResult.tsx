import { useTranslation } from 'react-i18next';
import { findService } from '../../domain/catalogue';
import { formatDate, localized } from '../../i18n/format';
import { useLocale, useSessionValue } from '../session/hooks';

/**
 * No status shown: no request matches this code and proof (one message for both, so nobody learns
 * which codes exist), or too many failed proofs on this kiosk.
 */
export function LookupRefused() {
  const { t } = useTranslation('citizen');
  const result = useSessionValue((context) => context.lookupResult);
  if (!result || result.found) return null;
  const text = result.reason === 'throttled' ? t('lookup.throttled', { count: result.waitMinutes }) : t('lookup.noMatch');
  return (
    <p className="notice notice--important" role="alert" data-testid={`lookup-${result.reason}`}>
      {text}
    </p>
  );
}

/** The last known status: the back office's when one was pulled, else where it stands on this kiosk. */
export function LookupResult() {
  const { t } = useTranslation(['citizen', 'journey']);
  const locale = useLocale();
  const result = useSessionValue((context) => context.lookupResult);
  const catalogue = useSessionValue((context) => context.catalogue);
  if (!result) return null;
  if (!result.found) {
    return (
      <p className="notice notice--important" role="status" data-testid="lookup-not-found">
        {t('lookup.notFound')}
      </p>
    );
  }
  const service = findService(catalogue, result.serviceId);
  const status = result.remote ? t(`status.remote.${result.remote.status}`) : result.local ? t(`status.local.${result.local}`) : t('lookup.notFound');
  return (
    <div className="lookup-result" role="status" data-testid="lookup-result">
      <p className="receipt__code" dir="ltr">
        <bdi>{result.trackingCode}</bdi>
      </p>
      <p className="lookup-result__status" data-testid="lookup-status" data-status={result.remote?.status ?? result.local ?? 'unknown'}>
        {status}
      </p>
      <dl className="facts">
        {service ? (
          <div>
            <dt>{t('lookup.service')}</dt>
            <dd>{localized(service.name, locale)}</dd>
          </div>
        ) : null}
        {result.remote?.reasonCode ? (
          <div>
            <dt>{t('lookup.reason')}</dt>
            <dd data-testid="lookup-reason-category">{t(`journey:refusal.${result.remote.reasonCode}`)}</dd>
          </div>
        ) : null}
        {result.remote?.reason ? (
          <div>
            {/* Typed by an agent, maybe in another language: after the translated category, as written, in its own direction. */}
            <dt>{result.remote.reasonCode ? t('journey:lookup.reasonDetail') : t('lookup.reason')}</dt>
            <dd data-testid="lookup-reason">
              <bdi>{result.remote.reason}</bdi>
            </dd>
          </div>
        ) : null}
      </dl>
      {result.remote ? <p>{t('lookup.updated', { date: formatDate(result.remote.changedAt, locale) })}</p> : null}
    </div>
  );
}
