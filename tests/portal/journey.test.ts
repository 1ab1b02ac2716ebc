import { describe, expect, it } from 'vitest';
import defaultCatalogue from '../../assets/catalogue/default-catalogue.json';
import { catalogueSchema, type Service } from '../../src/domain/catalogue';
import { initialJourney, journeyReducer, type JourneyEvent, type JourneyState } from '../../portal/src/journey/journeyState';
import { openingHoursLines, weekdayName } from '../../portal/src/journey/officeText';
import { parseRoute, routeHash } from '../../portal/src/app/route';
import { browserLocale } from '../../portal/src/app/portalI18n';

const catalogue = catalogueSchema.parse(defaultCatalogue);
const withFields = catalogue.services.find((service) => service.fields.length > 0)!;
const withoutFields: Service = { ...withFields, id: 'no_fields', fields: [] };
const run = (events: JourneyEvent[], from: JourneyState = initialJourney) => events.reduce(journeyReducer, from);
const identity = { cin: 'AB123456', lastNameLatin: 'Alaoui', firstNameLatin: 'Amina', dateOfBirth: '1990-04-12', phone: '0612345678' };
const typeIdentity = Object.entries(identity).map(([key, value]): JourneyEvent => ({ type: 'field.input', path: `identity.${key}`, value }));

describe("the portal's request journey", () => {
  it('goes service → office → identity, and keeps the citizen on identity with errors by field', () => {
    const state = run([{ type: 'service.choose', serviceId: withFields.id }, { type: 'office.choose', officeId: 'demo' }, { type: 'step.next', service: withFields, today: '2026-12-02' }]);
    expect(state.step).toBe('identity');
    expect(state.officeId).toBe('demo');
    expect(state.errors['identity.cin']).toBe('required');
  });

  it('skips the fields step for a service without fields, and records the contact choice with the consent', () => {
    const state = run([
      { type: 'service.choose', serviceId: withoutFields.id },
      { type: 'office.choose', officeId: 'demo' },
      ...typeIdentity,
      { type: 'step.next', service: withoutFields, today: '2026-12-02' },
    ]);
    expect(state.step).toBe('consent');
    const reviewed = run([{ type: 'consent.accept', contact: { agreed: true, notifyReceived: false, email: 'a@example.ma' } }], state);
    expect(reviewed).toMatchObject({ step: 'review', contact: { agreed: true, email: 'a@example.ma' } });
    expect(run([{ type: 'step.back', service: withoutFields }], state).step).toBe('identity');
  });

  it('clears a field error as soon as the field is typed again', () => {
    const state = run([{ type: 'service.choose', serviceId: withFields.id }, { type: 'office.choose', officeId: 'demo' }, { type: 'step.next', service: withFields, today: '2026-12-02' }, { type: 'field.input', path: 'identity.cin', value: 'AB1' }]);
    expect(state.errors['identity.cin']).toBeUndefined();
  });

  it('keeps the identity but not the fields when another service is chosen', () => {
    const state = run([{ type: 'service.choose', serviceId: withFields.id }, ...typeIdentity, { type: 'field.input', path: 'fields.x', value: '1' }, { type: 'service.choose', serviceId: 'other' }]);
    expect(state.draft).toEqual({ serviceId: 'other', identity, fields: {} });
  });
});

describe("an annex's opening hours", () => {
  it('are written day range by day range in each language, Tifinagh weekdays included', () => {
    const hours = [{ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '16:30' }, { days: [6], opens: '09:00', closes: '12:00' }];
    expect(openingHoursLines(hours, 'en')).toEqual(['Monday – Friday: 08:30–16:30', 'Saturday: 09:00–12:00']);
    expect(openingHoursLines(hours, 'zgh')[0]).toBe('ⴰⵢⵏⴰⵙ – ⴰⵙⵉⵎⵡⴰⵙ: 08:30–16:30');
    expect(weekdayName(7, 'fr')).toBe('dimanche');
    expect(openingHoursLines([], 'ar')).toEqual([]);
  });
});

describe("the portal's routes and language", () => {
  it.each([
    ['#/requests', { name: 'requests' }],
    ['#/account', { name: 'account' }],
    ['', { name: 'home' }],
    ['#/login/' + 'a'.repeat(43), { name: 'emailLink', token: 'a'.repeat(43) }],
    ['#/login/short', { name: 'home' }],
  ])('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    if (route.name !== 'home') expect(parseRoute(routeHash(parseRoute(hash)))).toEqual(route);
  });

  it("starts in the phone's own language when the portal speaks it, in French otherwise", () => {
    expect(browserLocale(['ar-MA', 'fr'])).toBe('ar');
    expect(browserLocale(['tzm-Tfng'])).toBe('zgh');
    expect(browserLocale(['de-DE'])).toBe('fr');
  });
});
