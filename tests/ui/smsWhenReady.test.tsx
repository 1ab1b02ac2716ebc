import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submitRequest } from '../../src/app/submitRequest';
import { ShubbakDb } from '../../src/storage/db';
import { storedItems } from '../storage/support';
import { chooseLanguage, renderKiosk, typeInto, walkToReview, type Kiosk } from './kioskHarness';

/**
 * The consent step asks "SMS when my document is ready?" of a citizen who gave a phone, and the
 * request saved in the kiosk's real outbox (IndexedDB) carries the answer.
 */
describe('the SMS choice on the consent step', { timeout: 30_000 }, () => {
  let db: ShubbakDb;

  beforeEach(() => {
    db = new ShubbakDb(`sms-choice-${crypto.randomUUID()}`);
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function kioskSavingToOutbox(): Kiosk {
    return renderKiosk({ settings: { defaultLocale: 'en' }, submit: (input) => submitRequest(input, { db }) });
  }

  async function walkToConsent(kiosk: Kiosk, phone: string | null): Promise<void> {
    await walkToReview(kiosk);
    if (phone !== null) {
      await kiosk.user.click(screen.getByTestId('edit-identity.phone'));
      await typeInto(kiosk, 'identity.phone', phone);
      await kiosk.user.click(screen.getByTestId('next'));
    }
    await kiosk.user.click(screen.getByTestId('next'));
    await screen.findByTestId('screen-consent');
  }

  async function accept(kiosk: Kiosk): Promise<void> {
    await kiosk.user.click(screen.getByTestId('consent-accept'));
    await screen.findByTestId('screen-receipt');
  }

  it('with a phone and yes, the saved request carries contact.agreed', async () => {
    const kiosk = kioskSavingToOutbox();
    await walkToConsent(kiosk, '0612345678');
    expect(screen.getByRole('radiogroup', { name: 'Get an SMS when your document is ready or refused?' })).toBeTruthy();
    await kiosk.user.click(screen.getByRole('radio', { name: 'Yes, send me an SMS' }));
    expect(screen.getByTestId('sms-when-ready-yes').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('sms-when-ready-no').getAttribute('aria-checked')).toBe('false');
    await accept(kiosk);
    const [item] = await storedItems(db);
    expect(item?.request?.identity.phone).toBe('+212612345678');
    expect(item?.request?.contact).toEqual({ agreed: true, notifyReceived: false });
  });

  it('with a phone and no answer, no is chosen and the saved request carries no contact', async () => {
    const kiosk = kioskSavingToOutbox();
    await walkToConsent(kiosk, '0612345678');
    expect(screen.getByTestId('sms-when-ready-no').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('sms-when-ready-yes').getAttribute('aria-checked')).toBe('false');
    await accept(kiosk);
    const [item] = await storedItems(db);
    expect(item?.request?.contact).toBeUndefined();
  });

  it('with a phone and yes then no, the saved request carries no contact', async () => {
    const kiosk = kioskSavingToOutbox();
    await walkToConsent(kiosk, '0612345678');
    await kiosk.user.click(screen.getByTestId('sms-when-ready-yes'));
    await kiosk.user.click(screen.getByTestId('sms-when-ready-no'));
    await accept(kiosk);
    const [item] = await storedItems(db);
    expect(item?.request?.contact).toBeUndefined();
  });

  it('without a phone, asks nothing and saves no contact', async () => {
    const kiosk = kioskSavingToOutbox();
    await walkToConsent(kiosk, null);
    expect(screen.queryByTestId('sms-when-ready')).toBeNull();
    await accept(kiosk);
    const [item] = await storedItems(db);
    expect(item?.request?.contact).toBeUndefined();
  });

  it('asks in Arabic, Amazigh and French too, the number never shown', async () => {
    const kiosk = kioskSavingToOutbox();
    await walkToConsent(kiosk, '0612345678');
    const question = () => screen.getByTestId('sms-when-ready').querySelector('legend')?.textContent;
    for (const [locale, text] of [
      ['ar', 'إرسال رسالة قصيرة إليك عندما تكون الوثيقة جاهزة أو مرفوضة؟'],
      ['zgh', 'ⴰⴷ ⴰⴽ ⵏⴰⵣⵏ SMS ⵎⵍ ⵜⵀⵢⵢⴰ ⵜⵡⵜⵉⵇⵜ ⵏⵏⴽ ⵏⵖ ⵜⵜⵓⵔⴼⴹ?'],
      ['fr', 'Recevoir un SMS quand votre document est prêt ou refusé ?'],
    ] as const) {
      await chooseLanguage(kiosk, locale);
      await screen.findByText(text);
      expect(question()).toBe(text);
    }
    expect(screen.getByTestId('screen-consent').textContent).not.toContain('612345678');
  });
});
