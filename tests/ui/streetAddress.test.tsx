import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../src/domain/locales';
import type { Catalogue } from '../../src/domain/catalogue';
import type { OfficeIdentity } from '../../src/domain/officeIdentity';
import { testCatalogue } from '../machines/sessionFixtures';
import { chooseLanguage, currentScreen, fillIdentity, renderKiosk, typeInto, type Kiosk } from './kioskHarness';

const text = (en: string, fr: string, ar: string, zgh: string) => ({ en, fr, ar, zgh });

/** The test catalogue with a residence certificate whose address may be picked from the office's streets. */
const catalogue: Catalogue = {
  ...testCatalogue,
  services: [
    ...testCatalogue.services,
    {
      id: 'residence',
      name: text('Residence certificate', 'Certificat de résidence', 'شهادة السكنى', 'ⴰⵙⵍⴽⵉⵏ ⵏ ⵜⵏⵣⴷⵖⵜ'),
      description: text('Proves where you live.', 'Prouve où vous habitez.', 'تثبت مكان سكنك.', 'ⵉⵙⵙⴽⴰⵏ ⴰⴷⵖⴰⵔ ⵏ ⵜⵏⵣⴷⵖⵜ.'),
      pictogram: 'house',
      fields: [{ key: 'address', kind: 'text', required: true, maxLength: 200, pickFrom: 'officeStreets', label: text('Your address', 'Votre adresse', 'عنوانك', 'ⴰⵏⵙⴰ') }],
      documents: [],
      fee: { amountMad: null, confirmed: false },
      delay: text('Same day', 'Le jour même', 'في نفس اليوم', 'ⴳ ⵡⴰⵙⵙ ⴰⴷ'),
      returnToCounter: false,
      handledBy: 'annex-1',
      active: true,
    },
  ],
};

const STREETS = [
  { latin: 'Avenue Mohammed V', ar: 'شارع محمد الخامس' },
  { latin: 'Rue Atlas', ar: 'زنقة الأطلس' },
  { latin: 'Rue Al Andalous', ar: 'زنقة الأندلس' },
  { latin: 'Rue Anoual', ar: 'زنقة أنوال' },
  { latin: 'Rue Al Qods', ar: 'زنقة القدس' },
];
const identity = (streets = STREETS): OfficeIdentity => ({ version: 1, names: text('Berkane annex 2', 'Annexe Berkane 2', 'ملحقة بركان 2', 'ⵜⴰⵏⵎⵍⵜ ⵏ ⴱⵔⴽⴰⵏ 2'), logo: null, streets });

const addressInput = () => screen.getByTestId<HTMLInputElement>('field-fields-address');
const suggested = () => screen.queryAllByTestId('street-suggestion').map((button) => button.dataset['street']);
const key = async (name: string) => {
  const found = await waitFor(() => {
    const button = [...document.querySelectorAll<HTMLElement>('.form-step__keyboard [data-skbtn]')].find((el) => el.dataset['skbtn'] === name);
    if (!button) throw new Error(`no key ${name}`);
    return button;
  });
  return found;
};

async function walkToAddress(kiosk: Kiosk): Promise<void> {
  const { user } = kiosk;
  await user.click(screen.getByTestId('start'));
  await user.click(screen.getByTestId('new-request'));
  await user.click(screen.getByTestId('service-residence'));
  await user.click(screen.getByTestId('next'));
  await fillIdentity(kiosk);
  await user.click(screen.getByTestId('next'));
  expect(currentScreen()).toBe('fields');
}

describe("the address picked from the annex's streets", { timeout: 60_000 }, () => {
  it('offers the matching streets as the first letters are typed, then takes the house number on the numeric pad', async () => {
    const kiosk = renderKiosk({ catalogue, officeIdentity: identity() });
    await chooseLanguage(kiosk, 'fr');
    await walkToAddress(kiosk);
    await typeInto(kiosk, 'fields.address', 'a');
    expect(suggested()).toEqual(['Avenue Mohammed V', 'Rue Atlas', 'Rue Al Andalous']);
    await typeInto(kiosk, 'fields.address', 'at');
    expect(suggested()).toEqual(['Rue Atlas']);
    await kiosk.user.click(screen.getByTestId('street-suggestion'));
    expect(addressInput().value).toBe('Rue Atlas');
    expect(suggested()).toEqual([]);
    const houseNumber = screen.getByTestId<HTMLInputElement>('field-fields-address-houseNumber');
    await waitFor(() => expect(document.activeElement).toBe(houseNumber));
    // The numeric pad, not the letters: digits only.
    await kiosk.user.click(await key('1'));
    await kiosk.user.click(await key('2'));
    expect(document.querySelector('.form-step__keyboard [data-skbtn="a"]')).toBeNull();
    expect(houseNumber.value).toBe('12');
    expect(addressInput().value).toBe('12 Rue Atlas');

    await kiosk.user.click(screen.getByTestId('next'));
    await kiosk.user.click(screen.getByTestId('next'));
    await kiosk.user.click(screen.getByTestId('consent-accept'));
    await screen.findByTestId('screen-receipt');
    expect(kiosk.submitted[0]?.draft.fields).toEqual({ address: '12 Rue Atlas' });
  });

  it('keeps a house number typed before the letters, and writes the Arabic name in an Arabic session', async () => {
    const kiosk = renderKiosk({ catalogue, officeIdentity: identity() });
    await chooseLanguage(kiosk, 'ar');
    await walkToAddress(kiosk);
    await typeInto(kiosk, 'fields.address', '7 الأط');
    expect(suggested()).toEqual(['Rue Atlas']);
    expect(screen.getByTestId('street-suggestion').textContent).toContain('زنقة الأطلس');
    await kiosk.user.click(screen.getByTestId('street-suggestion'));
    expect(addressInput().value).toBe('7 زنقة الأطلس');
    expect(screen.getByTestId<HTMLInputElement>('field-fields-address-houseNumber').value).toBe('7');
  });

  it('lists every street to browse, and a street missing from the list is typed in full', async () => {
    const kiosk = renderKiosk({ catalogue, officeIdentity: identity() });
    await chooseLanguage(kiosk, 'en');
    await walkToAddress(kiosk);
    await kiosk.user.click(screen.getByTestId('street-browse'));
    const list = screen.getByTestId('street-list');
    expect([...list.querySelectorAll<HTMLElement>('[data-testid="street-option"]')].map((b) => b.dataset['street'])).toEqual(STREETS.map((s) => s.latin));
    await kiosk.user.click(screen.getByTestId('street-browse-close'));
    expect(screen.queryByTestId('street-list')).toBeNull();

    await typeInto(kiosk, 'fields.address', '3 Derb Sidi Ali');
    expect(suggested()).toEqual([]);
    expect(screen.queryByTestId('field-fields-address-houseNumber')).toBeNull();
    await kiosk.user.click(screen.getByTestId('street-browse'));
    await kiosk.user.click(screen.getAllByTestId('street-option')[3]!);
    // The house number typed before browsing stays.
    expect(addressInput().value).toBe('3 Rue Anoual');
    // Changed by hand after the pick: free text again, no house number of its own.
    await typeInto(kiosk, 'fields.address', '3 Rue Anoual, Hay Salam');
    expect(screen.queryByTestId('field-fields-address-houseNumber')).toBeNull();
  });

  it('is the free field of before for an office without a street list', async () => {
    for (const officeIdentity of [undefined, identity([])]) {
      const kiosk = renderKiosk({ catalogue, ...(officeIdentity ? { officeIdentity } : {}) });
      await walkToAddress(kiosk);
      await typeInto(kiosk, 'fields.address', 'at');
      expect(suggested()).toEqual([]);
      expect(screen.queryByTestId('street-browse')).toBeNull();
      kiosk.view.unmount();
    }
  });
});

describe('the street choices with spoken guidance on', { timeout: 60_000 }, () => {
  // jsdom has no media playback: the guide's <audio> element says what it was asked to play.
  beforeAll(() => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve());
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
  });
  afterAll(() => vi.restoreAllMocks());

  const guide = () => screen.getByTestId('audio-guide');
  async function heard(prompt: string, origin?: string, language?: string) {
    await waitFor(() => expect(guide().dataset.prompt).toBe(prompt), { timeout: 5000 });
    if (origin) expect(guide().dataset.promptOrigin).toBe(origin);
    if (language) expect(guide().dataset.promptLanguage).toBe(language);
  }

  /** Guidance turned on at home; every choice after it takes a touch to hear and one to act. */
  async function walkListening(kiosk: Kiosk, locale: Locale): Promise<void> {
    const { user } = kiosk;
    await chooseLanguage(kiosk, locale);
    await user.click(screen.getByTestId('start'));
    await user.click(screen.getByTestId('listen'));
    await heard('screen.home');
    await user.dblClick(screen.getByTestId('new-request'));
    await user.dblClick(screen.getByTestId('service-residence'));
    await user.dblClick(screen.getByTestId('next'));
    await fillIdentity(kiosk);
    await user.dblClick(screen.getByTestId('next'));
    expect(currentScreen()).toBe('fields');
  }

  // Recorded by the office's staff: Rue Atlas in Arabic and in French, Rue Anoual in Arabic only.
  const recorded: Record<string, string> = {
    'street.rue_atlas|ar': 'blob:atlas-ar',
    'street.rue_atlas|fr': 'blob:atlas-fr',
    'street.rue_anoual|ar': 'blob:anoual-ar',
  };
  const recordedPrompts = async () => ({ url: (id: string, language: Locale) => recorded[`${id}|${language}`] ?? null });

  it("says a street's name on the first touch and picks it on the second, then the house number", async () => {
    const kiosk = renderKiosk({ catalogue, officeIdentity: identity(), recordedPrompts });
    await walkListening(kiosk, 'fr');
    await typeInto(kiosk, 'fields.address', 'at');
    const atlas = screen.getByTestId('street-suggestion');
    expect(atlas.dataset.prompt).toBe('street.rue_atlas');
    await kiosk.user.click(atlas);
    await heard('street.rue_atlas', 'recorded', 'fr');
    expect(guide().getAttribute('src')).toBe('blob:atlas-fr');
    // Heard, not yet chosen.
    expect(addressInput().value).toBe('at');
    expect(screen.getByTestId('street-suggestion').hasAttribute('data-armed')).toBe(true);
    await kiosk.user.click(screen.getByTestId('street-suggestion'));
    expect(addressInput().value).toBe('Rue Atlas');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('field-fields-address-houseNumber')));
  });

  it('lets the citizen explore the whole list by ear and take the street heard last with "choose"', async () => {
    const kiosk = renderKiosk({ catalogue, officeIdentity: identity(), recordedPrompts });
    await walkListening(kiosk, 'ar');
    await kiosk.user.dblClick(screen.getByTestId('street-browse'));
    const option = (latin: string) => screen.getAllByTestId('street-option').find((button) => button.dataset['street'] === latin)!;
    await kiosk.user.click(option('Rue Atlas'));
    await heard('street.rue_atlas', 'recorded', 'ar');
    await kiosk.user.click(option('Rue Anoual'));
    await heard('street.rue_anoual', 'recorded', 'ar');
    expect(guide().getAttribute('src')).toBe('blob:anoual-ar');
    await kiosk.user.click(screen.getByTestId('choose'));
    expect(addressInput().value).toBe('زنقة أنوال');
    expect(screen.queryByTestId('street-list')).toBeNull();
  });

  it('says what the choice is, never silence, for a street the office has not recorded, and an English session hears the French recording', async () => {
    const kiosk = renderKiosk({ catalogue, officeIdentity: identity(), recordedPrompts });
    await walkListening(kiosk, 'en');
    await typeInto(kiosk, 'fields.address', 'rue al q');
    await kiosk.user.click(screen.getByTestId('street-suggestion'));
    await heard('choice.street', 'synthesised', 'en');
    expect(guide().getAttribute('src')).toMatch(/choice\.street\.ogg$/);
    await typeInto(kiosk, 'fields.address', 'at');
    await kiosk.user.click(screen.getByTestId('street-suggestion'));
    await heard('street.rue_atlas', 'recorded', 'fr');
    await kiosk.user.click(screen.getByTestId('street-suggestion'));
    expect(addressInput().value).toBe('Rue Atlas');
  });

  it("says by name a street the back office synthesised, as a synthesised voice", async () => {
    // Rue Al Qods has only the back office's synthesis: the Latin name by the French voice.
    const synthesised = new Set(['street.rue_al_qods|fr']);
    const takes: Record<string, string> = { ...recorded, 'street.rue_al_qods|fr': 'blob:qods-fr-synthesised' };
    const withSynthesis = async () => ({
      url: (id: string, language: Locale) => takes[`${id}|${language}`] ?? null,
      synthesised: (id: string, language: Locale) => synthesised.has(`${id}|${language}`),
    });
    const kiosk = renderKiosk({ catalogue, officeIdentity: identity(), recordedPrompts: withSynthesis });
    await walkListening(kiosk, 'en');
    await typeInto(kiosk, 'fields.address', 'rue al q');
    await kiosk.user.click(screen.getByTestId('street-suggestion'));
    await heard('street.rue_al_qods', 'synthesised', 'fr');
    expect(guide().getAttribute('src')).toBe('blob:qods-fr-synthesised');
    await kiosk.user.click(screen.getByTestId('street-suggestion'));
    expect(addressInput().value).toBe('Rue Al Qods');
  });
});
