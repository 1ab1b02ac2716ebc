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
  const generation = useRef(0);

  useEffect(() => {
    let live = true;
    void services.outbox.count().then((count) => live && setTotal(count));
    return () => {
      live = false;
    };
  }, [services]);

  /** After a retry or discard: forget the pages read, so rows show their new state. */
  const reload = useCallback(async () => {
    generation.current += 1;
    requested.current = new Set();
    const count = await services.outbox.count();
    setPages(new Map());
    setTotal(count);
  }, [services]);

  const ensureRows = useCallback(
    (firstIndex: number, lastIndex: number) => {
      const current = generation.current;
      for (let page = Math.floor(firstIndex / OUTBOX_PAGE_SIZE); page <= Math.floor(lastIndex / OUTBOX_PAGE_SIZE); page += 1) {
        if (requested.current.has(page)) continue;
        requested.current.add(page);
        void services.outbox.page(page * OUTBOX_PAGE_SIZE, OUTBOX_PAGE_SIZE).then((rows) => {
          if (generation.current === current) setPages((previous) => new Map(previous).set(page, rows));
        });
      }
    },
    [services],
  );

  const rowAt = (index: number): OutboxRow | undefined => pages.get(Math.floor(index / OUTBOX_PAGE_SIZE))?.[index % OUTBOX_PAGE_SIZE];

  return { total, rowAt, ensureRows, reload };
}
