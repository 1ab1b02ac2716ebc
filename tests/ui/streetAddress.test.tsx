import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
