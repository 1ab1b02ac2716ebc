import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForwardView } from '../../../../src/domain/routing';
import { useConsole } from '../app/ConsoleContext';
import { bodyName } from '../app/bodyNames';
import { formatDateTime } from '../app/format';
import { hrefOf } from '../app/routes';
import { ForwardStandingBadge } from '../components/ForwardStandingBadge';
import { DataTable } from '../components/DataTable';

/** The requests waiting on another body's answer (queued, sent, overdue), oldest first as the back office orders them. */
export function ForwardedPage() {
  const { t } = useTranslation('console');
  const { api, office, locale } = useConsole();
  const [forwards, setForwards] = useState<ForwardView[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    api.forwards(office.officeId).then(
      (found) => current && setForwards(found),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [api, office.officeId]);

  const overdue = forwards?.filter((forward) => forward.standing === 'overdue').length ?? 0;
  return (
    <section aria-labelledby="forwarded-title" data-testid="page-forwarded">
      <h1 id="forwarded-title">{t('forwarded.title')}</h1>
      <p>{t('forwarded.intro')}</p>
      {failed ? (
        <p role="alert" className="error">
          {t('errors.loadFailed')}
        </p>
      ) : forwards === null ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : forwards.length === 0 ? (
        <p data-testid="forwarded-none">{t('forwarded.none')}</p>
      ) : (
        <>
          <p data-testid="forwarded-summary">{t('forwarded.summary', { count: forwards.length, overdue })}</p>
          <DataTable
            testId="forwarded-table"
            caption={t('forwarded.title')}
            columns={[
              t('forwards.request'),
              t('forwards.body'),
              t('forwards.forwardedAt'),
              t('forwards.sentAt'),
              t('forwards.dueAt'),
              t('forwards.state'),
            ]}
          >
            {forwards.map((forward) => (
              <tr key={forward.id} data-testid={`forwarded-${forward.id}`}>
                <th scope="row">
                  <a href={hrefOf({ page: 'request', id: forward.requestId })} dir="ltr" aria-label={t('forwarded.open', { code: forward.trackingCode })}>
                    {forward.trackingCode}
                  </a>
                </th>
                <td>{bodyName(forward.body, locale)}</td>
                <td>{formatDateTime(forward.forwardedAt, locale)}</td>
                <td>{forward.sentAt ? formatDateTime(forward.sentAt, locale) : t('forwards.notYet')}</td>
                <td>{forward.dueAt ? formatDateTime(forward.dueAt, locale) : t('forwards.noDue')}</td>
                <td>
                  <ForwardStandingBadge standing={forward.standing} />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
