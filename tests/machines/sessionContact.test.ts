import { describe, expect, it } from 'vitest';
import { flowState, NO_PERSONAL_DATA, personalDataOf, reachReview, settle, startSession } from './sessionHarness';

/** "Send me an SMS when my document is ready?" on the consent step (issue 10, kiosk side). */
describe('the citizen session: the SMS choice', () => {
  it('sends no contact unless the citizen says yes: no is the default', async () => {
    const { actor, saved } = startSession();
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().context.smsWhenReady).toBe(false);
    actor.send({ type: 'consent.accept' });
    await settle();
    expect(saved).toHaveLength(1);
    expect(saved[0]).not.toHaveProperty('contact');
  });

  it('carries contact.agreed (ready and refused only, not received) when a citizen with a phone says yes', async () => {
    const { actor, saved } = startSession();
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'contact.choose', smsWhenReady: true });
    actor.send({ type: 'consent.accept' });
    await settle();
    expect(saved[0]?.contact).toEqual({ agreed: true, notifyReceived: false });
  });

  it('takes back a yes turned into a no before accepting', async () => {
    const { actor, saved } = startSession();
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'contact.choose', smsWhenReady: true });
    actor.send({ type: 'contact.choose', smsWhenReady: false });
    actor.send({ type: 'consent.accept' });
    await settle();
    expect(saved[0]).not.toHaveProperty('contact');
  });

  it('sends no contact when the phone was erased after the yes: nobody to text', async () => {
    const { actor, saved } = startSession();
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'contact.choose', smsWhenReady: true });
    actor.send({ type: 'flow.back' });
    actor.send({ type: 'review.edit', path: 'identity.phone' });
    actor.send({ type: 'field.change', path: 'identity.phone', value: '' });
    actor.send({ type: 'flow.next' });
    expect(flowState(actor)).toBe('review');
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'consent.accept' });
    await settle();
    expect(saved[0]).not.toHaveProperty('contact');
  });

  it('ignores the choice outside the consent step', () => {
    const { actor } = startSession();
    reachReview(actor);
    actor.send({ type: 'contact.choose', smsWhenReady: true });
    expect(actor.getSnapshot().context.smsWhenReady).toBe(false);
  });

  it('forgets the choice with the session: the next citizen starts from no', () => {
    const { actor } = startSession();
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'contact.choose', smsWhenReady: true });
    actor.send({ type: 'cancel.request' });
    actor.send({ type: 'cancel.confirm' });
    expect(actor.getSnapshot().value).toBe('attract');
    expect(personalDataOf(actor)).toEqual(NO_PERSONAL_DATA);
  });
});
