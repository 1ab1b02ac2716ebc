import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Statistics } from '../../../../src/domain/console/statistics';
import { localized } from '../../../../src/i18n/format';
import { useConsole } from '../app/ConsoleContext';
import { formatDuration, formatNumber } from '../app/format';
import { serviceName } from '../app/serviceNames';
import { DailyChart } from '../components/DailyChart';
import { DataTable } from '../components/DataTable';

const DAY_MS = 86_400_000;

/** The last 30 days, ending today (UTC days, as the back office counts them). */
export function defaultRange(now: Date): { from: string; to: string } {
  return { from: new Date(now.getTime() - 29 * DAY_MS).toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}

/** The office's figures for a period: per day (chart), per service, median time to ready, share refused, CSV. */
export function StatisticsPage({ now = () => new Date() }: { now?: () => Date }) {
  const { t } = useTranslation('console');
  const { api, office, locale } = useConsole();
  const [range, setRange] = useState(() => defaultRange(now()));
  const [figures, setFigures] = useState<Statistics | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    api.statistics(office.officeId, range).then(
      (found) => current && setFigures(found),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [api, range, office.officeId]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = String(form.get('from') ?? '');
    const to = String(form.get('to') ?? '');
    if (from && to && from <= to) setRange({ from, to });
  };

  return (
    <section aria-labelledby="statistics-title" data-testid="page-statistics">
      <h1 id="statistics-title">{t('statistics.title')}</h1>
      <form className="queue-filters" onSubmit={submit}>
        <label>
          {t('queues.from')}
          <input name="from" type="date" defaultValue={range.from} data-testid="statistics-from" />
        </label>
        <label>
          {t('queues.to')}
          <input name="to" type="date" defaultValue={range.to} data-testid="statistics-to" />
        </label>
        <div className="buttons">
          <button type="submit" className="primary">
            {t('queues.apply')}
          </button>
          <a className="button" href={api.statisticsCsvUrl(office.officeId, range)} download={`statistics-${range.from}-${range.to}.csv`} data-testid="statistics-csv">
            {t('statistics.csv')}
          </a>
        </div>
      </form>
      {failed ? <p role="alert">{t('errors.loadFailed')}</p> : null}
      {figures ? (
        <>
          <dl className="figures" data-testid="statistics-figures">
            <div>
              <dt>{t('statistics.total')}</dt>
              <dd>{formatNumber(figures.received, locale)}</dd>
            </div>
            <div>
              <dt>{t('statistics.median')}</dt>
              <dd data-testid="statistics-median">{figures.medianReceivedToReadyHours === null ? '—' : formatDuration(figures.medianReceivedToReadyHours * 3600, locale)}</dd>
            </div>
            <div>
              <dt>{t('statistics.refused')}</dt>
              <dd data-testid="statistics-refused">{figures.refusedShare === null ? '—' : formatNumber(figures.refusedShare, locale, { style: 'percent', maximumFractionDigits: 1 })}</dd>
            </div>
          </dl>
          <DailyChart perDay={figures.perDay} />
          <DataTable
            testId="statistics-services"
            caption={t('statistics.perService')}
            captionShown
            columns={[
              t('request.service'),
              t('statistics.received'),
              t('statuses.ready'),
              t('statuses.collected'),
              t('statuses.refused'),
            ]}
          >
            {figures.perService.map((row) => {
              const name = serviceName(row.serviceId);
              return (
                <tr key={row.serviceId}>
                  <th scope="row">{name ? localized(name, locale) : row.serviceId}</th>
                  <td>{formatNumber(row.received, locale)}</td>
                  <td>{formatNumber(row.ready, locale)}</td>
                  <td>{formatNumber(row.collected, locale)}</td>
                  <td>{formatNumber(row.refused, locale)}</td>
                </tr>
              );
            })}
          </DataTable>
        </>
      ) : (
        <p aria-busy="true">{t('common.loading')}</p>
      )}
    </section>
  );
}
