import { beforeEach, describe, expect, it } from 'vitest';
import type { ShubbakDb } from '../../src/storage/db';
import { FakePlatform } from './fakes';
import { freshDb, givenPin, newClock, startSupervisor } from './harness';

const PIN = '482915';
const WRONG = '111390';

let db: ShubbakDb;
let platform: FakePlatform;

beforeEach(() => {
  db = freshDb();
  platform = new FakePlatform();
});

/** The audit log as written to IndexedDB, oldest first. */
async function storedAudit(db: ShubbakDb) {
  return (await db.audit.orderBy('at').toArray()).map(({ action, detail }) => ({ action, detail }));
}

/** Opens the overlay of a kiosk without a PIN and passes the enrolment step, as the first-run screen does once the back office accepted the code. */
function openFirstRun(s: Awaited<ReturnType<typeof startSupervisor>>) {
  s.actor.send({ type: 'supervisor.open' });
  s.actor.send({ type: 'firstRun.authorised' });
}

async function submit(s: Awaited<ReturnType<typeof startSupervisor>>, pin: string) {
  s.actor.send({ type: 'pin.submit', pin });
  await s.settle((snap) => !snap.matches('checking'));
}

describe('first run', () => {
  it('asks for an enrolment with a one-time code before anything else: no PIN can be chosen until then', async () => {
    const s = await startSupervisor({ db, platform, clock: newClock() });
    s.actor.send({ type: 'supervisor.open' });
    expect(s.actor.getSnapshot().matches({ firstRun: 'authorise' })).toBe(true);
    s.actor.send({ type: 'pin.choose', pin: PIN });
    s.actor.send({ type: 'pin.confirm', pin: PIN });
    expect(s.actor.getSnapshot().matches({ firstRun: 'authorise' })).toBe(true);
    expect(platform.secrets.has('pinHash')).toBe(false);
  });

  it('once enrolled, asks for a new PIN and its confirmation, stores only a hash and opens the dashboard', async () => {
    const s = await startSupervisor({ db, platform, clock: newClock() });
    openFirstRun(s);
    expect(s.actor.getSnapshot().matches({ firstRun: 'choosePin' })).toBe(true);

    s.actor.send({ type: 'pin.choose', pin: PIN });
    expect(s.actor.getSnapshot().matches({ firstRun: 'confirmPin' })).toBe(true);
    s.actor.send({ type: 'pin.confirm', pin: PIN });
    await s.settle((snap) => snap.matches({ unlocked: 'dashboard' }));

    expect(platform.secrets.get('pinHash')).toMatch(/^pbkdf2-sha256\$/);
    expect(s.actor.getSnapshot().context.draftPin).toBeNull();
    expect(s.audits.map((a) => a.action)).toEqual(['supervisor.pinSet', 'supervisor.unlock']);
  });

  it('asks for the code again when the first run is closed before the PIN is saved', async () => {
    const s = await startSupervisor({ db, platform, clock: newClock() });
    openFirstRun(s);
    s.actor.send({ type: 'supervisor.close' });
    s.actor.send({ type: 'supervisor.open' });
    expect(s.actor.getSnapshot().matches({ firstRun: 'authorise' })).toBe(true);
  });

  it.each([
    ['000000', 'trivial'],
    ['123456', 'trivial'],
    ['4829', 'tooShort'],
  ])('refuses %s with the reason %s', async (pin, problem) => {
    const s = await startSupervisor({ db, platform, clock: newClock() });
    openFirstRun(s);
    s.actor.send({ type: 'pin.choose', pin });
    expect(s.actor.getSnapshot().matches({ firstRun: 'choosePin' })).toBe(true);
    expect(s.actor.getSnapshot().context.pinError).toBe(problem);
  });

  it('starts over when the confirmation differs', async () => {
    const s = await startSupervisor({ db, platform, clock: newClock() });
    openFirstRun(s);
    s.actor.send({ type: 'pin.choose', pin: PIN });
    s.actor.send({ type: 'pin.confirm', pin: '482916' });
    const snap = s.actor.getSnapshot();
    expect(snap.matches({ firstRun: 'choosePin' })).toBe(true);
    expect(snap.context).toMatchObject({ pinError: 'mismatch', draftPin: null });
  });

  it('tells the supervisor when the secret store refuses, and keeps the PIN nowhere', async () => {
    platform.secretStoreAvailable = false;
    const s = await startSupervisor({ db, platform, clock: newClock() });
    openFirstRun(s);
    s.actor.send({ type: 'pin.choose', pin: PIN });
    s.actor.send({ type: 'pin.confirm', pin: PIN });
    await s.settle((snap) => snap.matches({ firstRun: 'choosePin' }));

    expect(s.actor.getSnapshot().context).toMatchObject({ pinError: 'encryptionUnavailable', draftPin: null, pin: 'none' });
    expect(platform.secrets.size).toBe(0);
    expect(JSON.stringify(await db.meta.toArray())).not.toContain(PIN);
  });

  it('closes and forgets the draft when left alone', async () => {
    const clock = newClock();
    const s = await startSupervisor({ db, platform, clock });
    openFirstRun(s);
    s.actor.send({ type: 'pin.choose', pin: PIN });
    clock.increment(2 * 60_000);
    expect(s.actor.getSnapshot().value).toBe('locked');
    expect(s.actor.getSnapshot().context.draftPin).toBeNull();
  });
});

describe('unlocking', () => {
  beforeEach(() => givenPin(platform, db, PIN));

  it('opens the dashboard with the right PIN and records the unlock', async () => {
    const s = await startSupervisor({ db, platform, clock: newClock() });
    s.actor.send({ type: 'supervisor.open' });
    expect(s.actor.getSnapshot().value).toBe('pinEntry');
    await submit(s, PIN);
    expect(s.actor.getSnapshot().matches({ unlocked: 'dashboard' })).toBe(true);
    expect(s.audits).toEqual([{ action: 'supervisor.unlock', detail: undefined }]);
  });

  it('stays on the PIN pad after a wrong PIN and records the failure', async () => {
    const s = await startSupervisor({ db, platform, clock: newClock() });
    s.actor.send({ type: 'supervisor.open' });
    await submit(s, WRONG);
    expect(s.actor.getSnapshot().value).toBe('pinEntry');
    expect(s.actor.getSnapshot().context.pinError).toBe('wrong');
    // Already on disk when the pad shows the error: the host counted it, the page recorded it before answering.
    expect(await storedAudit(db)).toEqual([{ action: 'supervisor.pinFailed', detail: 'failures=1' }]);
  });

  it('goes back to the citizen screens when the pad is closed or left alone', async () => {
    const clock = newClock();
    const s = await startSupervisor({ db, platform, clock });
    s.actor.send({ type: 'supervisor.open' });
    s.actor.send({ type: 'supervisor.close' });
    expect(s.actor.getSnapshot().value).toBe('locked');
    s.actor.send({ type: 'supervisor.open' });
    clock.increment(2 * 60_000);
    expect(s.actor.getSnapshot().value).toBe('locked');
  });

  it('locks out for 30 s after the third failure, then twice as long after the next one', async () => {
    const clock = newClock();
    const s = await startSupervisor({ db, platform, clock });
    s.actor.send({ type: 'supervisor.open' });
    await submit(s, WRONG);
    await submit(s, WRONG);
    await submit(s, WRONG);
    expect(s.actor.getSnapshot().value).toBe('lockedOut');
    expect((await storedAudit(db)).at(-1)).toEqual({ action: 'supervisor.lockout', detail: 'seconds=30' });

    clock.increment(29_000);
    expect(s.actor.getSnapshot().value).toBe('lockedOut');
    clock.increment(1_000);
    expect(s.actor.getSnapshot().value).toBe('pinEntry');

    await submit(s, WRONG);
    expect(s.actor.getSnapshot().value).toBe('lockedOut');
    expect((await storedAudit(db)).at(-1)).toEqual({ action: 'supervisor.lockout', detail: 'seconds=60' });
  });

  it('refuses even the right PIN while a lockout runs', async () => {
    const clock = newClock();
    const s = await startSupervisor({ db, platform, clock });
    for (let i = 0; i < 3; i += 1) await s.pinLock.checkPin(WRONG);
    expect((await s.pinLock.checkPin(PIN)).kind).toBe('lockedOut');
  });

  it('keeps the lockout and the count of failures across a restart', async () => {
    const clock = newClock();
    const first = await startSupervisor({ db, platform, clock });
    first.actor.send({ type: 'supervisor.open' });
    for (let i = 0; i < 3; i += 1) await submit(first, WRONG);
    first.actor.stop();

    const restarted = await startSupervisor({ db, platform, clock });
    restarted.actor.send({ type: 'supervisor.open' });
    expect(restarted.actor.getSnapshot().value).toBe('lockedOut');

    clock.increment(30_000);
    expect(restarted.actor.getSnapshot().value).toBe('pinEntry');
    await submit(restarted, WRONG);
    expect(restarted.actor.getSnapshot().value).toBe('lockedOut');
    expect(platform.lockoutRecord).toMatchObject({ failures: 4, lockedUntil: clock.now() + 60_000 });
  });

  it('resets the count of failures after a correct PIN', async () => {
    const s = await startSupervisor({ db, platform, clock: newClock() });
    s.actor.send({ type: 'supervisor.open' });
    await submit(s, WRONG);
    await submit(s, WRONG);
    await submit(s, PIN);
    expect(s.actor.getSnapshot().matches('unlocked')).toBe(true);
    expect(platform.lockoutRecord).toEqual({ failures: 0, lockedUntil: null });

    s.actor.send({ type: 'supervisor.lock' });
    s.actor.send({ type: 'supervisor.open' });
    await submit(s, WRONG);
    await submit(s, WRONG);
    expect(s.actor.getSnapshot().value).toBe('pinEntry');
  });
});

describe('a secret store that is still locked', () => {
  beforeEach(() => givenPin(platform, db, PIN));

  it('is not taken for "no PIN yet": opening shows the locked store, never a first run', async () => {
    platform.secretStoreLocked = true;
    const s = await startSupervisor({ db, platform, clock: newClock() });
    expect(s.actor.getSnapshot().context.pin).toBe('storeLocked');
    s.actor.send({ type: 'supervisor.open' });
    await s.settle((snap) => snap.matches({ storeLocked: 'waiting' }));
    s.actor.send({ type: 'firstRun.authorised' });
    s.actor.send({ type: 'pin.choose', pin: '739164' });
    expect(s.actor.getSnapshot().matches({ storeLocked: 'waiting' })).toBe(true);
  });

  it('asks the host again at the next opening, and gives the PIN pad once the store has opened', async () => {
    platform.secretStoreLocked = true;
    const s = await startSupervisor({ db, platform, clock: newClock() });
    s.actor.send({ type: 'supervisor.open' });
    await s.settle((snap) => snap.matches({ storeLocked: 'waiting' }));
    s.actor.send({ type: 'supervisor.close' });
    platform.secretStoreLocked = false;
    s.actor.send({ type: 'supervisor.open' });
    await s.settle((snap) => snap.matches('pinEntry'));
    await submit(s, PIN);
    expect(s.actor.getSnapshot().matches('unlocked')).toBe(true);
  });

  it('never overwrites a set PIN from the first run: the host refuses, and the pad asks for the PIN', async () => {
    const stored = platform.secrets.get('pinHash');
    expect((await platform.setFirstPin('739164'))).toEqual({ ok: false, reason: 'pinAlreadySet' });
    expect(platform.secrets.get('pinHash')).toBe(stored);
  });
});

describe('while unlocked', () => {
  beforeEach(() => givenPin(platform, db, PIN));

  async function unlocked() {
    const clock = newClock();
    const s = await startSupervisor({ db, platform, clock });
    s.actor.send({ type: 'supervisor.open' });
    await submit(s, PIN);
    return { ...s, clock };
  }

  it.each([
    ['nav.outbox', 'outbox'],
    ['nav.settings', 'settings'],
    ['nav.audit', 'audit'],
    ['nav.dashboard', 'dashboard'],
  ] as const)('%s shows the %s area', async (type, area) => {
    const s = await unlocked();
    s.actor.send({ type });
    expect(s.actor.getSnapshot().matches({ unlocked: area })).toBe(true);
  });

  it('locks itself after two minutes without a touch and records it', async () => {
    const s = await unlocked();
    s.clock.increment(2 * 60_000);
    expect(s.actor.getSnapshot().value).toBe('autoLocked');
    expect(s.audits.at(-1)?.action).toBe('supervisor.autoLock');

    s.actor.send({ type: 'supervisor.open' });
    expect(s.actor.getSnapshot().value).toBe('pinEntry');
  });

  it('locks itself after the delay a supervisor saved, from the next touch on', async () => {
    const s = await unlocked();
    s.actor.send({ type: 'settings.autoLock', ms: 10 * 60_000 });
    s.actor.send({ type: 'activity' });
    s.clock.increment(9 * 60_000);
    expect(s.actor.getSnapshot().matches('unlocked')).toBe(true);
    s.clock.increment(60_000);
    expect(s.actor.getSnapshot().value).toBe('autoLocked');
  });

  it('postpones the auto-lock on every touch and stays in the same area', async () => {
    const s = await unlocked();
    s.actor.send({ type: 'nav.outbox' });
    s.clock.increment(90_000);
    s.actor.send({ type: 'activity' });
    s.clock.increment(90_000);
    expect(s.actor.getSnapshot().matches({ unlocked: 'outbox' })).toBe(true);
    s.clock.increment(30_000);
    expect(s.actor.getSnapshot().value).toBe('autoLocked');
  });

  it('locks at once when the supervisor asks, and records it', async () => {
    const s = await unlocked();
    s.actor.send({ type: 'supervisor.lock' });
    expect(s.actor.getSnapshot().value).toBe('locked');
    expect(s.audits.at(-1)?.action).toBe('supervisor.lock');
  });
});
