import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useReducer, useState } from 'react';

interface RowWindowOptions {
  count: number;
  rowHeight: number;
  overscan: number;
  getScrollElement(): HTMLElement | null;
}

/**
 * A fixed-row-height window over a long list, on TanStack Virtual's framework-neutral
 * `Virtualizer` (the adapter protocol its own React, Vue and Lit adapters follow: options set,
 * `_didMount` once, `_willUpdate` after each render). Written here rather than `useVirtualizer`
 * because that hook returns functions React Compiler cannot memoise (react-hooks lint).
 */
export function useRowWindow({ count, rowHeight, overscan, getScrollElement }: RowWindowOptions) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLElement, Element>({
        count,
        overscan,
        estimateSize: () => rowHeight,
        getScrollElement,
        observeElementRect,
        observeElementOffset,
        scrollToFn: elementScroll,
        onChange: () => rerender(),
      }),
  );

  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer.setOptions({ ...virtualizer.options, count, overscan, estimateSize: () => rowHeight, getScrollElement });
    virtualizer._willUpdate();
    virtualizer.measure();
  }, [virtualizer, count, overscan, rowHeight, getScrollElement]);

  return { items: virtualizer.getVirtualItems(), totalSize: count * rowHeight };
}
