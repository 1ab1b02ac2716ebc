import { useCallback, useEffect, useRef, useState } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import type { OutboxRow, SupervisorServices } from '../../supervisor/types';
import { DiscardDialog } from './DiscardDialog';
import { OutboxRowView } from './OutboxRowView';
import { useNow } from './useNow';
import { useOutboxPages } from './useOutboxPages';
import { useRowWindow } from './useRowWindow';

export const OUTBOX_ROW_HEIGHT = 88;

/** The whole outbox, newest first, virtualised: only the rows in view (and a few more) are in the page. */
export function OutboxList({ services }: { services: SupervisorServices }) {
  const { t } = useSupervisorTranslation();
  const { total, rowAt, ensureRows, reload } = useOutboxPages(services);
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow(services.now, 30_000);
  const [discarding, setDiscarding] = useState<OutboxRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const getScrollElement = useCallback(() => scroller.current, []);
  const { items, totalSize } = useRowWindow({ count: total ?? 0, rowHeight: OUTBOX_ROW_HEIGHT, overscan: 6, getScrollElement });
  const first = items[0]?.index;
  const last = items[items.length - 1]?.index;
  useEffect(() => {
    if (first !== undefined && last !== undefined) ensureRows(first, last);
  }, [first, last, ensureRows]);

  useQueueChanges(services, reload);

  const retry = async (row: OutboxRow) => {
    const done = await services.outbox.retry(row);
    setNotice(t(done ? 'outbox.retried' : 'outbox.notRetried', { code: row.trackingCode }));
    await reload();
  };
  const discard = async (row: OutboxRow, reason: string) => {
    const done = await services.outbox.discard(row, reason);
    setDiscarding(null);
    setNotice(t(done ? 'outbox.discarded' : 'outbox.notDiscarded', { code: row.trackingCode }));
    await reload();
  };

  return (
    <section className="sv-area sv-outbox" aria-labelledby="sv-outbox-title">
      <h2 id="sv-outbox-title">{t('outbox.title')}</h2>
      <p role="status">{total === null ? t('outbox.loading') : t('outbox.count', { count: total })}</p>
      {notice && <p role="status">{notice}</p>}
      <div ref={scroller} className="sv-outbox-scroller" role="list" aria-label={t('outbox.title')} data-testid="outbox-scroller">
        <div style={{ height: totalSize, position: 'relative' }}>
          {items.map((item) => (
            <div
              key={item.key}
              role="listitem"
              className="sv-outbox-row"
              style={{ position: 'absolute', top: 0, insetInlineStart: 0, width: '100%', height: item.size, transform: `translateY(${item.start}px)` }}
            >
              <OutboxRowView row={rowAt(item.index)} now={now} onRetry={(row) => void retry(row)} onDiscard={setDiscarding} />
            </div>
          ))}
        </div>
      </div>
      {discarding && <DiscardDialog row={discarding} onCancel={() => setDiscarding(null)} onConfirm={(reason) => discard(discarding, reason)} />}
    </section>
  );
}

/**
 * The engine moves items while the supervisor looks (in flight, sent, refused): each time the
 * sync status says the queue changed, the rows are read again, so a row's actions always match
 * its real state (an item in flight offers no discard; once released, it does).
 */
function useQueueChanges(services: SupervisorServices, reload: () => Promise<void>) {
  const seen = useRef<string | null>(null);
  useEffect(
    () =>
      services.sync.subscribe((status) => {
        const key = `${status.phase}|${status.pendingCount}|${status.rejectedCount}`;
        const first = seen.current === null;
        if (key === seen.current) return;
        seen.current = key;
        if (!first) void reload();
      }),
    [services, reload],
  );
}
