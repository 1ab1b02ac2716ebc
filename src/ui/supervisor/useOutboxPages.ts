import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutboxRow, SupervisorServices } from '../../supervisor/types';

export const OUTBOX_PAGE_SIZE = 50;

/**
 * Lazily loaded pages of the outbox: a page is read only when one of its rows scrolls into
 * view, so 100,000 queued items cost a count and a few small reads, never a full scan.
 */
export function useOutboxPages(services: SupervisorServices) {
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<ReadonlyMap<number, OutboxRow[]>>(new Map());
  const requested = useRef(new Set<number>());
  const latestVersion = useRef(0);

  useEffect(() => {
    let live = true;
    void services.outbox.count().then((count) => live && setTotal(count));
    return () => {
      live = false;
    };
  }, [services]);

  /**
   * After a retry or discard: every page read so far is stale. They stay on screen until read
   * again, which happens for the rows in view at once (the new `ensureRows` runs) and for the
   * others when they scroll back into view.
   */
  const [version, setVersion] = useState(0);
  const reload = useCallback(async () => {
    requested.current = new Set();
    const count = await services.outbox.count();
    setTotal(count);
    setVersion((previous) => previous + 1);
  }, [services]);

  const ensureRows = useCallback(
    (firstIndex: number, lastIndex: number) => {
      for (let page = Math.floor(firstIndex / OUTBOX_PAGE_SIZE); page <= Math.floor(lastIndex / OUTBOX_PAGE_SIZE); page += 1) {
        if (requested.current.has(page)) continue;
        requested.current.add(page);
        void services.outbox.page(page * OUTBOX_PAGE_SIZE, OUTBOX_PAGE_SIZE).then((rows) => {
          // A read started before a reload must not overwrite a fresher one.
          if (latestVersion.current === version) setPages((previous) => new Map(previous).set(page, rows));
        });
      }
    },
    [services, version],
  );

  useEffect(() => {
    latestVersion.current = version;
  }, [version]);

  const rowAt = (index: number): OutboxRow | undefined => pages.get(Math.floor(index / OUTBOX_PAGE_SIZE))?.[index % OUTBOX_PAGE_SIZE];

  return { total, rowAt, ensureRows, reload };
}
