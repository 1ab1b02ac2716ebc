import { describe, expect, it } from 'vitest';
import { flowState, openService, reachReview, startSession, typeIdentity } from './sessionHarness';
import { validIdentity } from './sessionFixtures';

describe('the citizen session: from the attract screen to the review', () => {
  it('starts on the attract screen in the office default language, holding no citizen data', () => {
    const { actor } = startSession();
    expect(actor.getSnapshot().value).toBe('attract');
    expect(actor.getSnapshot().context.locale).toBe('ar');
    expect(actor.getSnapshot().context.draft).toBeNull();
  });

  it('walks attract → home → catalogue → service → identity', () => {
    const { actor } = startSession();
    actor.send({ type: 'session.start' });
    expect(flowState(actor)).toBe('home');
    actor.send({ type: 'home.newRequest' });
    expect(flowState(actor)).toBe('catalogue');
    actor.send({ type: 'service.select', serviceId: 'life' });
    expect(flowState(actor)).toBe('service');
    expect(actor.getSnapshot().context.draft).toEqual({ serviceId: 'life', identity: {}, fields: {} });
    actor.send({ type: 'flow.next' });
    expect(flowState(actor)).toBe('identity');
  });

  it.each(['unknown', 'retired'])('stays on the catalogue when asked for the %s service', (serviceId) => {
    const { actor } = startSession();
    actor.send({ type: 'session.start' });
    actor.send({ type: 'home.newRequest' });
    actor.send({ type: 'service.select', serviceId });
    expect(flowState(actor)).toBe('catalogue');
  });

  it.each([
    ['service', 'catalogue'],
    ['catalogue', 'home'],
    ['home', 'attract'],
  ])('goes back from %s to %s', (from, to) => {
    const { actor } = startSession();
    actor.send({ type: 'session.start' });
    if (from !== 'home') actor.send({ type: 'home.newRequest' });
    if (from === 'service') actor.send({ type: 'service.select', serviceId: 'life' });
    expect(flowState(actor)).toBe(from);
    actor.send({ type: 'flow.back' });
    expect(flowState(actor)).toBe(to);
  });

  it('keeps the citizen on the identity step and names every wrong field when "next" is pressed', () => {
    const { actor } = startSession();
    openService(actor, 'life');
    typeIdentity(actor, { cin: '12', lastNameLatin: 'Amrani', firstNameArabic: 'Fatima', dateOfBirth: '2990-01-01' });
    actor.send({ type: 'flow.next' });
    expect(flowState(actor)).toBe('identity');
    expect(actor.getSnapshot().context.errors).toEqual([
      { path: 'identity.cin', code: 'cin' },
      { path: 'identity.firstNameLatin', code: 'required' },
      { path: 'identity.firstNameArabic', code: 'arabicScript' },
      { path: 'identity.dateOfBirth', code: 'dateInFuture' },
    ]);
  });

  it('removes the error next to a field as soon as the citizen changes it', () => {
    const { actor } = startSession();
    openService(actor, 'life');
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'field.change', path: 'identity.cin', value: 'AB1' });
    expect(actor.getSnapshot().context.errors.map((e) => e.path)).not.toContain('identity.cin');
    expect(actor.getSnapshot().context.errors.map((e) => e.path)).toContain('identity.lastNameLatin');
  });

  it('goes from identity straight to the review when the service asks nothing more', () => {
    const { actor } = startSession();
    openService(actor, 'life');
    typeIdentity(actor);
    actor.send({ type: 'flow.next' });
    expect(flowState(actor)).toBe('review');
    expect(actor.getSnapshot().context.errors).toEqual([]);
  });

  it("asks for the service's own fields and blocks on their errors", () => {
    const { actor } = startSession();
    openService(actor, 'birth_extract');
    typeIdentity(actor);
    actor.send({ type: 'flow.next' });
    expect(flowState(actor)).toBe('fields');
    actor.send({ type: 'field.change', path: 'fields.actNumber', value: '12a' });
    actor.send({ type: 'flow.next' });
    expect(flowState(actor)).toBe('fields');
    expect(actor.getSnapshot().context.errors).toEqual([
      { path: 'fields.birthCommune', code: 'required' },
      { path: 'fields.actNumber', code: 'digits' },
    ]);
  });

  it('goes back from the fields to the identity with what was typed still there', () => {
    const { actor } = startSession();
    openService(actor, 'birth_extract');
    typeIdentity(actor);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.back' });
    expect(flowState(actor)).toBe('identity');
    expect(actor.getSnapshot().context.draft?.identity.cin).toBe(validIdentity.cin);
  });

  it.each([
    ['identity.lastNameArabic', 'identity'],
    ['fields.actNumber', 'fields'],
  ])('edits %s from the review on the %s step, then returns to the review', (path, step) => {
    const { actor } = startSession();
    reachReview(actor);
    expect(flowState(actor)).toBe('review');
    actor.send({ type: 'review.edit', path });
    expect(flowState(actor)).toBe(step);
    expect(actor.getSnapshot().context.focusPath).toBe(path);
    actor.send({ type: 'field.change', path, value: path.startsWith('identity') ? 'البركاني' : '99' });
    actor.send({ type: 'flow.next' });
    expect(flowState(actor)).toBe('review');
    expect(actor.getSnapshot().context.returnToReview).toBe(false);
  });

  it('still refuses an invalid correction made from the review', () => {
    const { actor } = startSession();
    reachReview(actor);
    actor.send({ type: 'review.edit', path: 'identity.cin' });
    actor.send({ type: 'field.change', path: 'identity.cin', value: 'nope' });
    actor.send({ type: 'flow.next' });
    expect(flowState(actor)).toBe('identity');
    expect(actor.getSnapshot().context.errors).toEqual([{ path: 'identity.cin', code: 'cin' }]);
  });

  it('goes back from the review to the last form step, and from the consent to the review', () => {
    const { actor } = startSession();
    reachReview(actor);
    actor.send({ type: 'flow.next' });
    expect(flowState(actor)).toBe('consent');
    actor.send({ type: 'flow.back' });
    expect(flowState(actor)).toBe('review');
    actor.send({ type: 'flow.back' });
    expect(flowState(actor)).toBe('fields');
  });

  it('keeps everything typed when the citizen switches language mid-form', () => {
    const { actor } = startSession();
    openService(actor, 'birth_extract');
    typeIdentity(actor);
    actor.send({ type: 'locale.change', locale: 'fr' });
    actor.send({ type: 'locale.change', locale: 'zgh' });
    expect(actor.getSnapshot().context.locale).toBe('zgh');
    expect(flowState(actor)).toBe('identity');
    expect(actor.getSnapshot().context.draft?.identity).toEqual(validIdentity);
  });

  it('ignores a language the office has not enabled', () => {
    const { actor } = startSession({ settings: { enabledLocales: ['ar', 'fr'] } });
    actor.send({ type: 'locale.change', locale: 'en' });
    expect(actor.getSnapshot().context.locale).toBe('ar');
  });

  it('keeps the draft when the same service is chosen again, and starts afresh for another', () => {
    const { actor } = startSession();
    openService(actor, 'life');
    typeIdentity(actor, { cin: 'AB123456' });
    actor.send({ type: 'flow.back' });
    actor.send({ type: 'flow.back' });
    actor.send({ type: 'service.select', serviceId: 'life' });
    expect(actor.getSnapshot().context.draft?.identity.cin).toBe('AB123456');
    actor.send({ type: 'flow.back' });
    actor.send({ type: 'service.select', serviceId: 'birth_extract' });
    expect(actor.getSnapshot().context.draft?.identity).toEqual({});
  });

  it('renders a catalogue pulled during the session', () => {
    const { actor } = startSession();
    const catalogue = { ...actor.getSnapshot().context.catalogue, version: 9 };
    actor.send({ type: 'catalogue.update', catalogue });
    expect(actor.getSnapshot().context.catalogue.version).toBe(9);
  });
});
