import { useTranslation } from 'react-i18next';
import type { RequestRow } from '../../../../src/domain/console/requestRow';
import { localized } from '../../../../src/i18n/format';
import { useConsole } from '../app/ConsoleContext';
import { formatDateTime } from '../app/format';
import { hrefOf } from '../app/routes';
import { serviceName } from '../app/serviceNames';
import { StatusBadge } from './StatusBadge';
import { DataTable } from './DataTable';

export function RequestTable({ rows, caption }: { rows: RequestRow[]; caption: string }) {
  const { t } = useTranslation('console');
  const { locale } = useConsole();
  if (rows.length === 0) return <p data-testid="queue-empty">{t('queues.empty')}</p>;
  return (
    <DataTable
      testId="queue-table"
      caption={caption}
      columns={[
        t('request.trackingCode'),
        t('request.holder'),
        t('identity.cin'),
        t('request.service'),
        t('request.status'),
        t('request.receivedAt'),
        t('request.kiosk'),
        t('request.assignee'),
      ]}
    >
      {rows.map((row) => {
        const name = serviceName(row.serviceId);
        return (
          <tr key={row.id} data-testid={`row-${row.trackingCode}`} className={row.overdue ? 'overdue' : undefined}>
            <td>
              <a href={hrefOf({ page: 'request', id: row.id })} className="tracking-code" dir="ltr" data-testid={`open-${row.trackingCode}`}>
                {row.trackingCode}
              </a>
              {row.overdue ? (
                <span className="badge overdue" data-testid="overdue">
                  {t('request.overdue')}
                </span>
              ) : null}
            </td>
            <td>
              <bdi>{row.holder.latin}</bdi>
              {row.holder.arabic ? (
                <>
                  {' · '}
                  <bdi className="muted" lang="ar">
                    {row.holder.arabic}
                  </bdi>
                </>
              ) : null}
            </td>
            <td dir="ltr">{row.holder.cin}</td>
            <td>{name ? localized(name, locale) : row.serviceId}</td>
            <td>
              <StatusBadge status={row.status} />
            </td>
            <td>{formatDateTime(row.receivedAt, locale)}</td>
            <td>{row.kiosk?.label ?? t(`channels.${row.channel}`)}</td>
            <td>{row.assignee?.name ?? '—'}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
