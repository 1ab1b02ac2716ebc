import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentScreen, fillIdentity, renderKiosk, walkToReceipt, walkToReview } from './kioskHarness';

class QuotaError extends Error {
  readonly reason = 'quota';
}

describe('saving the request and the receipt', { timeout: 20_000 }, () => {
  it('says there is no printer, shows the code to photograph and offers to call staff', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' }, print: async () => ({ ok: false, reason: 'noPrinter' }) });
    await walkToReceipt(kiosk);
    await waitFor(() =>
      expect(screen.getByTestId('print-status').textContent).toBe(
        'This kiosk cannot print right now. Please take a photo of the code and the QR code, or call a staff member.',
      ),
    );
    expect(kiosk.printed).toHaveLength(1);
    expect(screen.getByTestId('tracking-code').textContent).toBe('KBZ-00042-7');
    expect(screen.getByText('Take a photo of this')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Finish' })).toBeTruthy();
    await kiosk.user.click(screen.getByTestId('receipt-call-staff'));
    expect(kiosk.staffCalls).toHaveLength(1);
  });

  it('never says "printed" when the platform could not confirm it', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' }, print: async () => ({ ok: false, reason: 'unconfirmed' }) });
    await walkToReceipt(kiosk);
    await waitFor(() => expect(screen.getByTestId('print-status').getAttribute('data-print-state')).toBe('printFailed'));
    expect(screen.getByTestId('print-status').textContent).toBe(
      'The receipt was sent to the printer. If no paper came out, please take a photo of the code and the QR code.',
    );
    expect(screen.getByTestId('receipt-call-staff')).toBeTruthy();
  });

  it('prints an Arabic receipt right to left, in Arabic, as soon as the receipt shows', async () => {
    const kiosk = renderKiosk();
    await walkToReceipt(kiosk);
    await waitFor(() => expect(kiosk.printed).toHaveLength(1));
    expect(kiosk.printed[0]).toMatchObject({ direction: 'rtl', locale: 'ar-MA', serviceName: 'النسخة الموجزة من رسم الولادة' });
    expect(kiosk.printed[0]?.lines).toContain('تذكير: يلزم الرجوع إلى الشباك لإتمام هذا الطلب.');
    expect(kiosk.printed[0]?.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it("prints the slip in the citizen's language with the office's name in it: what to bring, the delay, where and when, how to follow it", async () => {
    const names = { ar: 'ملحقة بركان 2', zgh: 'ⵜⴰⵏⵎⵍⵜ ⵏ ⴱⵔⴽⴰⵏ 2', fr: 'Annexe Berkane 2', en: 'Berkane annex 2' };
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' }, officeIdentity: { version: 2, names, logo: null } });
    await kiosk.user.click(screen.getByTestId('start'));
    await kiosk.user.click(screen.getByTestId('new-request'));
    await kiosk.user.click(screen.getByTestId('service-life'));
    await kiosk.user.click(screen.getByTestId('next'));
    await fillIdentity(kiosk);
    await kiosk.user.click(screen.getByTestId('next'));
    await kiosk.user.click(screen.getByTestId('next'));
    await kiosk.user.click(screen.getByTestId('consent-accept'));
    await waitFor(() => expect(kiosk.printed).toHaveLength(1));
    const slip = kiosk.printed[0]!;
    expect(slip).toMatchObject({ officeName: 'Annexe Berkane 2', serviceName: 'Attestation de vie', trackingCode: 'KBZ-00042-7', direction: 'ltr' });
    expect(slip.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(slip.lines).toEqual(
      expect.arrayContaining([
        'Service : Attestation de vie',
        'À apporter :',
        "– Carte nationale d'identité",
        'Délai prévu : Le jour même',
        'Où et quand : au guichet de Annexe Berkane 2, dès que votre demande indique « Prête ».',
        'Pour suivre votre demande : sur la borne, « Suivre une demande », puis montrez ce code QR ou tapez le code.',
      ]),
    );
    expect(JSON.stringify(slip)).not.toMatch(/ملحقة|Berkane annex|ⴱⵔⴽⴰⵏ/);
  });

  it('explains a full storage in words, keeps the answers, and succeeds on retry', async () => {
    let attempts = 0;
    const kiosk = renderKiosk({
      settings: { defaultLocale: 'fr' },
      submit: async () => {
        attempts += 1;
        if (attempts <= 2) throw new QuotaError('full');
        return { trackingCode: 'KBZ-00043-5' };
      },
    });
    await walkToReview(kiosk);
    await kiosk.user.click(screen.getByTestId('next'));
    await kiosk.user.click(screen.getByTestId('consent-accept'));
    expect((await screen.findByTestId('save-failure')).textContent).toBe(
      "La mémoire de la borne est pleine. Vos réponses sont conservées. Appelez un agent, s'il vous plaît.",
    );
    await kiosk.user.click(screen.getByTestId('back-to-review'));
    expect(screen.getByTestId('review-identity.cin').textContent).toBe('AB123456');
    await kiosk.user.click(screen.getByTestId('next'));
    await kiosk.user.click(screen.getByTestId('consent-accept'));
    await kiosk.user.click(await screen.findByTestId('retry'));
    expect((await screen.findByTestId('tracking-code')).textContent).toBe('KBZ-00043-5');
    expect(currentScreen()).toBe('receipt');
  });

  it('lets the citizen call a staff member from the failure screen', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' }, submit: async () => Promise.reject(new Error('disk')) });
    await walkToReview(kiosk);
    await kiosk.user.click(screen.getByTestId('next'));
    await kiosk.user.click(screen.getByTestId('consent-accept'));
    expect((await screen.findByTestId('save-failure')).textContent).toMatch(/^The kiosk could not save your request/);
    await kiosk.user.click(screen.getByTestId('ask-staff'));
    expect(screen.getByTestId('help-notice').textContent).toContain('A staff member is coming');
    expect(kiosk.staffCalls).toHaveLength(1);
  });
});
