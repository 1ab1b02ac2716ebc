import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import { listAudit } from '../../src/storage/audit';
import type { OutboxItem } from '../../src/storage/db';
import { getOutboxItem } from '../../src/storage/outboxSupervision';
import { nextBatch, releaseInFlight } from '../../src/storage/outboxSync';
import { OUTBOX_ROW_HEIGHT, OutboxList } from '../../src/ui/supervisor/OutboxList';
import { enqueueSample, seedOutbox } from '../storage/support';
import { createWorld, renderIn, type World } from './render';

const VIEWPORT_HEIGHT = 600;

/** jsdom lays nothing out: give the scroller a height, as a browser would. */
function withViewport() {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.dataset.testid === 'outbox-scroller' ? VIEWPORT_HEIGHT : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
}

afterEach(() => {
  vi.restoreAllMocks();
});

function item(seq: number): OutboxItem {
  return {
    id: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    kioskSeq: seq,
    trackingCode: formatTrackingCode('K7M', seq),
    serviceId: 'life',
    state: seq % 10 === 0 ? 'rejected' : 'queued',
    request: null,
    createdAt: Date.parse('2026-11-28T08:00:00Z') + seq,
    attempts: seq % 4,
    lastError: seq % 10 === 0 ? 'invalid: fields.reason' : null,
    lastAttemptAt: null,
    rejection: null,
  };
}

describe('the outbox with 100,000 requests in storage', () => {
  let world: World;
  beforeAll(async () => {
    world = createWorld();
    await seedOutbox(world.db, Array.from({ length: 100_000 }, (_, i) => item(i + 1)));
  }, 60_000);

  it('renders only a window of rows and reads further rows as they scroll into view', async () => {
    withViewport();
    const page = vi.spyOn(world.services.outbox, 'page');
    renderIn('en', <OutboxList services={world.services} />);
    expect(await screen.findByText('100000 requests in the queue')).toBeTruthy();

    // Newest first: the top row is the last request taken.
    expect(await screen.findByText(formatTrackingCode('K7M', 100_000))).toBeTruthy();
    const rows = screen.getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(VIEWPORT_HEIGHT / OUTBOX_ROW_HEIGHT);
    expect(rows.length).toBeLessThan(30);
    expect(page.mock.calls).toEqual([[0, 50]]);

    const scroller = screen.getByTestId('outbox-scroller');
    // jsdom does not scroll: report the offset a browser would after the supervisor's swipe.
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 60_000 * OUTBOX_ROW_HEIGHT });
    act(() => {
      fireEvent.scroll(scroller);
    });
    // fake-indexeddb walks an offset one record at a time: allow it the time (Chromium advances a cursor natively).
    expect(await screen.findByText(formatTrackingCode('K7M', 40_000), undefined, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getAllByRole('listitem').length).toBeLessThan(30);
    expect(page.mock.calls.length).toBeLessThanOrEqual(3);
  }, 30_000);
});

describe('the outbox rows', () => {
  it('show the tracking code, state, attempts and last error, never the citizen’s name or CIN', async () => {
    withViewport();
    const world = createWorld();
    const queued = await enqueueSample(world.db);
    await world.db.outbox.update(queued.id, { attempts: 2, lastError: 'network: fetch failed' });
    renderIn('en', <OutboxList services={world.services} />);
    const row = (await screen.findByText(queued.trackingCode)).closest('[role="listitem"]') as HTMLElement;
    expect(within(row).getByText('Waiting')).toBeTruthy();
    expect(within(row).getByText('2 attempts')).toBeTruthy();
    expect(within(row).getByText('network: fetch failed')).toBeTruthy();
    expect(within(row).getByText('Life certificate')).toBeTruthy();
    for (const personal of ['AB123456', 'Alaoui', 'Sara', 'العلوي', '+212612345678']) expect(document.body.textContent).not.toContain(personal);
  });

  it('discards only with a reason and a confirmation, and records the reason', async () => {
    withViewport();
    const world = createWorld();
    const queued = await enqueueSample(world.db);
    renderIn('en', <OutboxList services={world.services} />);
    fireEvent.click(await screen.findByRole('button', { name: `Discard ${queued.trackingCode}` }));

    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Give a reason before discarding.');
    expect((await getOutboxItem(world.db, queued.id))?.state).toBe('queued');

    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'Citizen came to the counter instead' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(within(dialog).getByText(/will never be sent/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, discard it' }));

    expect(await screen.findByText(`${queued.trackingCode} was discarded.`)).toBeTruthy();
    // The rows in view are read again: the request now shows as discarded, with no action left.
    const row = (await screen.findByText('Discarded')).closest('[role="listitem"]') as HTMLElement;
    expect(within(row).getByText(queued.trackingCode)).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
    const stored = await getOutboxItem(world.db, queued.id);
    expect(stored).toMatchObject({ state: 'discarded', request: null });
    const [entry] = await listAudit(world.db, { limit: 1 });
    expect(entry).toMatchObject({ action: 'supervisor.discard' });
    expect(entry?.detail).toContain('reason=Citizen came to the counter instead');
  });

  it('cancels a discard without touching the request', async () => {
    withViewport();
    const world = createWorld();
    const queued = await enqueueSample(world.db);
    renderIn('en', <OutboxList services={world.services} />);
    fireEvent.click(await screen.findByRole('button', { name: `Discard ${queued.trackingCode}` }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await getOutboxItem(world.db, queued.id))?.state).toBe('queued');
    expect(await listAudit(world.db, { limit: 10 })).toEqual([]);
  });

  it('sends a rejected request again and records it', async () => {
    withViewport();
    const world = createWorld();
    const rejected = await enqueueSample(world.db);
    // As the back office leaves a refused item: out of the pending set, its row saying why.
    await world.db.pending.delete(rejected.kioskSeq);
    await seedOutbox(world.db, [{ ...rejected, state: 'rejected', lastError: 'invalid: identity.cin' }]);
    renderIn('en', <OutboxList services={world.services} />);
    fireEvent.click(await screen.findByRole('button', { name: `Send again ${rejected.trackingCode}` }));
    expect(await screen.findByText(`${rejected.trackingCode} will be sent again.`)).toBeTruthy();
    await waitFor(async () => expect((await getOutboxItem(world.db, rejected.id))?.state).toBe('queued'));
    expect(world.sync.triggers).toEqual(['manual']);
    expect((await listAudit(world.db, { limit: 1 }))[0]?.action).toBe('supervisor.retry');
  });

  it('reads the rows again when the engine moves the queue, so an item released from flight can be discarded', async () => {
    withViewport();
    const world = createWorld();
    const queued = await enqueueSample(world.db);
    await nextBatch(world.db, 1);
    renderIn('en', <OutboxList services={world.services} />);
    expect(await screen.findByText(queued.trackingCode)).toBeTruthy();
    expect(screen.queryByRole('button', { name: `Discard ${queued.trackingCode}` })).toBeNull();

    await releaseInFlight(world.db, 'network: fetch failed');
    act(() => world.sync.publish({ phase: 'offline', pendingCount: 1 }));
    expect(await screen.findByRole('button', { name: `Discard ${queued.trackingCode}` })).toBeTruthy();
  });
});
