import { describe, expect, it } from 'vitest';
import { flowState, NO_PERSONAL_DATA, openService, personalDataOf, reachReview, settle, startSession, typeIdentity } from './sessionHarness';

const SECOND = 1000;

function idleState(actor: ReturnType<typeof startSession>['actor']): unknown {
  const value = actor.getSnapshot().value;
  return typeof value === 'object' ? (value.active as { idle: unknown }).idle : null;
}

function cancelState(actor: ReturnType<typeof startSession>['actor']): unknown {
  const value = actor.getSnapshot().value;
  return typeof value === 'object' ? (value.active as { cancel: unknown }).cancel : null;
}

describe('the citizen session: inactivity, cancel and reset', () => {
  it('asks "still there?" after the idle timeout, then resets and wipes the context after the countdown', () => {
    const { actor, clock } = startSession({ settings: { idleTimeoutSeconds: 60, idleCountdownSeconds: 15 } });
    openService(actor, 'life');
    typeIdentity(actor);
    clock.increment(59 * SECOND);
    expect(idleState(actor)).toBe('watching');
    clock.increment(1 * SECOND);
    expect(idleState(actor)).toBe('countdown');
    expect(flowState(actor)).toBe('identity');
    clock.increment(14 * SECOND);
    expect(flowState(actor)).toBe('identity');
    clock.increment(1 * SECOND);
    expect(actor.getSnapshot().value).toBe('attract');
    expect(personalDataOf(actor)).toEqual(NO_PERSONAL_DATA);
  });

  it('postpones the timeout on every touch', () => {
    const { actor, clock } = startSession({ settings: { idleTimeoutSeconds: 60 } });
    openService(actor, 'life');
    clock.increment(50 * SECOND);
    actor.send({ type: 'user.activity' });
    clock.increment(50 * SECOND);
    expect(idleState(actor)).toBe('watching');
    clock.increment(10 * SECOND);
    expect(idleState(actor)).toBe('countdown');
  });

  it.each([{ type: 'idle.continue' } as const, { type: 'user.activity' } as const])(
    'keeps the citizen where they were on $type during the countdown',
    (event) => {
      const { actor, clock } = startSession({ settings: { idleTimeoutSeconds: 60, idleCountdownSeconds: 15 } });
      openService(actor, 'life');
      typeIdentity(actor, { cin: 'AB123456' });
      clock.increment(70 * SECOND);
      actor.send(event);
      expect(idleState(actor)).toBe('watching');
      clock.increment(59 * SECOND);
      expect(flowState(actor)).toBe('identity');
      expect(actor.getSnapshot().context.draft?.identity.cin).toBe('AB123456');
    },
  );

  it('does not time out while the request is being written, and watches again once it is saved', async () => {
    let commit: (saved: { trackingCode: string }) => void = () => undefined;
    const { actor, clock } = startSession({
      settings: { idleTimeoutSeconds: 60, idleCountdownSeconds: 15 },
      save: () => new Promise((resolve) => (commit = resolve)),
    });
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'consent.accept' });
    clock.increment(120 * SECOND);
    expect(flowState(actor)).toBe('saving');
    expect(idleState(actor)).toBe('watching');
    commit({ trackingCode: 'KBZ-00042-7' });
    await settle();
    expect(flowState(actor)).toEqual({ receipt: 'printed' });
    clock.increment(59 * SECOND);
    expect(idleState(actor)).toBe('watching');
    clock.increment(1 * SECOND);
    expect(idleState(actor)).toBe('countdown');
  });

  it('never times out on the attract screen', () => {
    const { actor, clock } = startSession();
    clock.increment(3600 * SECOND);
    expect(actor.getSnapshot().value).toBe('attract');
  });

  it('follows an idle timeout changed by a supervisor', () => {
    const { actor, clock } = startSession({ settings: { idleTimeoutSeconds: 60 } });
    actor.send({ type: 'settings.update', settings: { ...actor.getSnapshot().context.settings, idleTimeoutSeconds: 20 } });
    actor.send({ type: 'session.start' });
    clock.increment(20 * SECOND);
    expect(idleState(actor)).toBe('countdown');
  });

  it('asks once before cancelling, and keeps everything when the citizen changes their mind', () => {
    const { actor } = startSession();
    openService(actor, 'life');
    typeIdentity(actor, { cin: 'AB123456' });
    actor.send({ type: 'cancel.request' });
    expect(cancelState(actor)).toBe('confirming');
    actor.send({ type: 'cancel.abort' });
    expect(cancelState(actor)).toBe('closed');
    expect(flowState(actor)).toBe('identity');
    expect(actor.getSnapshot().context.draft?.identity.cin).toBe('AB123456');
  });

  it('resets and wipes the context when the cancel is confirmed', () => {
    const { actor } = startSession();
    openService(actor, 'life');
    typeIdentity(actor);
    actor.send({ type: 'cancel.request' });
    actor.send({ type: 'cancel.confirm' });
    expect(actor.getSnapshot().value).toBe('attract');
    expect(personalDataOf(actor)).toEqual(NO_PERSONAL_DATA);
  });

  it('wipes the session when a supervisor opens the console', () => {
    const { actor } = startSession();
    openService(actor, 'life');
    typeIdentity(actor);
    actor.send({ type: 'session.reset' });
    expect(actor.getSnapshot().value).toBe('attract');
    expect(personalDataOf(actor)).toEqual(NO_PERSONAL_DATA);
  });

  it('keeps the display choices and the help call for the session only', () => {
    const { actor } = startSession();
    actor.send({ type: 'session.start' });
    actor.send({ type: 'locale.change', locale: 'fr' });
    actor.send({ type: 'display.toggleContrast' });
    actor.send({ type: 'display.toggleLargeText' });
    actor.send({ type: 'help.call' });
    actor.send({ type: 'home.newRequest' });
    expect(actor.getSnapshot().context).toMatchObject({ highContrast: true, largeText: true, helpRequested: true, locale: 'fr' });
    actor.send({ type: 'cancel.request' });
    actor.send({ type: 'cancel.confirm' });
    expect(actor.getSnapshot().context).toMatchObject({ highContrast: false, largeText: false, helpRequested: false, locale: 'ar' });
  });

  it('lets the citizen dismiss the help call', () => {
    const { actor } = startSession();
    actor.send({ type: 'help.call' });
    actor.send({ type: 'help.dismiss' });
    expect(actor.getSnapshot().context.helpRequested).toBe(false);
  });

  it('alerts the staff at each call for help, from any screen', () => {
    const { actor, staffAlerts } = startSession();
    actor.send({ type: 'help.call' });
    expect(staffAlerts).toHaveLength(1);
    actor.send({ type: 'session.start' });
    actor.send({ type: 'help.call' });
    expect(staffAlerts).toHaveLength(2);
  });
});
