import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueCounts, QueueId } from '../../../../src/domain/console/queues';
import type { RequestPage } from '../../../../src/domain/console/requestRow';
import { useConsole } from '../app/ConsoleContext';
import { isSearching, listRequestOf, type QueueView } from '../app/queueQuery';
import { Pager } from '../components/Pager';
import { QueueFiltersForm } from '../components/QueueFiltersForm';
import { QueueTabs } from '../components/QueueTabs';
import { RequestTable } from '../components/RequestTable';

export const PAGE_SIZE = 25;

const START: QueueView = { queue: 'new', order: 'oldest', page: 0, pageSize: PAGE_SIZE, text: '', filters: {} };

/** The office's work: one queue at a time with every queue's count, searched, filtered, paged, kept live. */
export function QueuesPage() {
  const { t } = useTranslation('console');
  const { api, office } = useConsole();
  const [view, setView] = useState<QueueView>(START);
  const [list, setList] = useState<RequestPage | null>(null);
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [failed, setFailed] = useState(false);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let current = true;
    const wanted = listRequestOf(view);
    const listing = wanted.kind === 'queue' ? api.queue(office.officeId, wanted.queue, wanted.paging) : api.search(office.officeId, wanted.query);
    Promise.all([listing, api.queueCounts(office.officeId)]).then(
      ([found, foundCounts]) => {
        if (!current) return;
        setFailed(false);
        setList(found);
        setCounts(foundCounts);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [api, office.officeId, view, changes]);

  // New requests and status changes show without a reload; the live region says so.
  useEffect(() => api.watchEvents(office.officeId, () => setChanges((count) => count + 1)), [api, office.officeId]);

  const chooseQueue = useCallback((queue: QueueId) => setView((before) => ({ ...before, queue, page: 0, text: '' })), []);
  const searching = isSearching(view);

  return (
    <section aria-labelledby="queues-title" data-testid="page-queues">
      <h1 id="queues-title">{searching ? t('queues.searchResults') : t(`queue.${view.queue}`)}</h1>
      <QueueTabs current={searching ? null : view.queue} counts={counts} onChoose={chooseQueue} />
      <QueueFiltersForm
        key={`${view.text}|${JSON.stringify(view.filters)}`}
        text={view.text}
        filters={view.filters}
        onApply={(text, filters) => setView((before) => ({ ...before, text, filters, page: 0 }))}
      />
      <div className="queue-toolbar">
        <button type="button" data-testid="order-toggle" onClick={() => setView((before) => ({ ...before, order: before.order === 'oldest' ? 'newest' : 'oldest', page: 0 }))}>
          {view.order === 'oldest' ? t('queues.order.oldestFirst') : t('queues.order.newestFirst')}
        </button>
        {counts && counts.overdue > 0 ? (
          <span className="badge overdue" data-testid="overdue-total">
            {t('queues.overdueTotal', { count: counts.overdue })}
          </span>
        ) : null}
        <p className="live-note" role="status" data-testid="live-status">
          {changes > 0 ? t('queues.updated') : ''}
        </p>
      </div>
      {failed ? <p role="alert">{t('errors.loadFailed')}</p> : null}
      {list ? (
        <>
          <RequestTable rows={list.items} caption={searching ? t('queues.searchResults') : t(`queue.${view.queue}`)} />
          <Pager page={view.page} pageSize={view.pageSize} total={list.total} onPage={(page) => setView((before) => ({ ...before, page }))} />
        </>
      ) : (
        <p aria-busy="true">{t('common.loading')}</p>
      )}
    </section>
  );
}
