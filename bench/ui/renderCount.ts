import type { Page } from 'playwright-core';

/**
 * Counts what React renders for each touch, from inside the page: a stand-in for React DevTools'
 * global hook (`__REACT_DEVTOOLS_GLOBAL_HOOK__`, which react-dom calls after every commit, in
 * production builds too) walks each committed fiber tree the way DevTools does: a subtree whose
 * child list is the previous one's was skipped; a component fiber with React's PerformedWork flag
 * (1) ran its render; a fiber without an alternate under a re-rendered parent was mounted.
 *
 * Commits are grouped by what started them: a `pointerdown` opens a tap (named by the touched
 * element's test id and the screen it was on) and the tap stays open until its `click` has been
 * handled; a focus or an input outside a tap (the bench typing with `page.fill`) opens a typing
 * segment. `sync` commits (React's immediate priority: discrete events and the effects flushed
 * with them) are the ones on the tap's frame; the others (a promise settled, a transition) come
 * later and are counted apart.
 *
 * With a profiling build of react-dom (bench/ui/profilingBuild.ts) each commit also carries the
 * root's `actualDuration`; the component names need an unminified build.
 */
export const INSTALL_RENDER_COUNTER = `
(() => {
  const COMPONENT_TAGS = new Set([0, 1, 11, 15]); // function, class, forwardRef, simple memo
  const PERFORMED_WORK = 1;
  const segments = [];
  let current = null;
  let tapOpen = false;
  const nameOf = (fiber) => {
    const type = fiber.type;
    if (!type) return 'Anonymous';
    if (typeof type === 'function') return type.displayName || type.name || 'Anonymous';
    if (type.render) return type.render.displayName || type.render.name || 'ForwardRef';
    return 'Anonymous';
  };
  const screenNow = () => document.querySelector('[data-testid="kiosk"]')?.getAttribute('data-screen') ?? 'boot';
  const open = (kind, label) => {
    current = { kind, label, screen: screenNow(), commits: [] };
    segments.push(current);
  };
  // A fiber and everything under it, all mounted in this commit.
  const countMounted = (fiber, names) => {
    if (COMPONENT_TAGS.has(fiber.tag)) names.push(nameOf(fiber));
    for (let child = fiber.child; child; child = child.sibling) countMounted(child, names);
  };
  const countUpdate = (next, prev, names) => {
    if (COMPONENT_TAGS.has(next.tag) && (next.flags & PERFORMED_WORK) === PERFORMED_WORK) names.push(nameOf(next));
    if (next.child === prev.child) return;
    for (let child = next.child; child; child = child.sibling) {
      if (child.alternate) countUpdate(child, child.alternate, names);
      else countMounted(child, names);
    }
  };
  addEventListener('pointerdown', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-testid]') : null;
    tapOpen = true;
    open('tap', target?.getAttribute('data-testid') ?? '?');
  }, true);
  addEventListener('click', () => setTimeout(() => (tapOpen = false), 0), true);
  for (const type of ['focusin', 'input', 'keydown']) {
    addEventListener(type, () => {
      if (!tapOpen && current?.kind !== 'typing') open('typing', type);
    }, true);
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(renderer) {
      const id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      return id;
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root, priority) {
      const next = root.current;
      const prev = next.alternate;
      const names = [];
      if (prev) countUpdate(next, prev, names);
      else countMounted(next, names);
      if (!current) open('boot', 'boot');
      current.commits.push({ sync: priority === 1, components: names.length, names, actualDurationMs: typeof next.actualDuration === 'number' ? next.actualDuration : null });
    },
  };
  window.__shubbakRenders = { segments, reset: () => { segments.length = 0; current = null; } };
})();
`;

export interface CommitRecord {
  sync: boolean;
  components: number;
  names: string[];
  actualDurationMs: number | null;
}

export interface Segment {
  kind: 'tap' | 'typing' | 'boot';
  /** The touched element's test id, or the event that opened a typing segment. */
  label: string;
  /** The screen the touch landed on. */
  screen: string;
  commits: CommitRecord[];
}

export async function resetRenderCounts(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __shubbakRenders: { reset(): void } }).__shubbakRenders.reset());
}

export async function readRenderCounts(page: Page): Promise<Segment[]> {
  return page.evaluate(() => (window as unknown as { __shubbakRenders: { segments: Segment[] } }).__shubbakRenders.segments);
}
