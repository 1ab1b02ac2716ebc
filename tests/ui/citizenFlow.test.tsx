import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentScreen, chooseLanguage, fieldError, renderKiosk, typeInto, walkToReceipt, walkToReview } from './kioskHarness';

describe('the citizen flow, rendered with fake services', { timeout: 20_000 }, () => {
  it('walks from the attract screen to a printed receipt in French, and leaves no trace after "finish"', async () => {
    const kiosk = renderKiosk();
    await chooseLanguage(kiosk, 'fr');
    expect(document.documentElement).toHaveProperty('dir', 'ltr');
    expect(document.documentElement).toHaveProperty('lang', 'fr');
    await walkToReview(kiosk);
    expect(currentScreen()).toBe('review');
    expect(screen.getByTestId('review-identity.cin').textContent).toBe('AB123456');
    expect(screen.getByTestId('review-identity.dateOfBirth').textContent).toBe('12 avril 1990');
    expect(screen.getByTestId('review-identity.phone').textContent).toBe('Non renseigné');

    await kiosk.user.click(screen.getByTestId('next'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Vos données personnelles');
    expect(screen.getByTestId('screen-consent').textContent).toContain('Annexe Berkane 2');
    expect(kiosk.submitted).toHaveLength(0);
    await kiosk.user.click(screen.getByTestId('consent-accept'));
    await screen.findByTestId('screen-receipt');
    expect(kiosk.submitted).toHaveLength(1);
    expect(kiosk.submitted[0]?.draft.identity.dateOfBirth).toBe('1990-04-12');
    expect(screen.getByTestId('tracking-code').textContent).toBe('KBZ-00042-7');
    expect(await screen.findByRole('img', { name: 'Code QR de votre code de suivi' })).toHaveProperty('src', expect.stringMatching(/^data:image\/svg\+xml;base64,/));

    // Printed by itself as the receipt opens, and said to be printed because the platform confirmed it.
    await waitFor(() => expect(screen.getByTestId('print-status').textContent).toBe('Votre récépissé est imprimé. Prenez-le.'));
    expect(kiosk.printed).toHaveLength(1);
    expect(kiosk.printed[0]).toMatchObject({ trackingCode: 'KBZ-00042-7', serviceName: "Extrait d'acte de naissance", officeName: 'Annexe Berkane 2', direction: 'ltr' });
    expect(screen.getByTestId('success-mark').textContent).toBe('Demande enregistrée');

    await kiosk.user.click(screen.getByTestId('finish'));
    expect(currentScreen()).toBe('attract');
    expect(document.body.textContent).not.toMatch(/AB123456|Amrani|Fatima|KBZ-00042-7/);
    expect(document.querySelector('img[src^="data:"]')).toBeNull();
  });

  it('shows each error as a sentence next to its field and keeps the citizen on the step', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' } });
    await kiosk.user.click(screen.getByTestId('start'));
    await kiosk.user.click(screen.getByTestId('new-request'));
    await kiosk.user.click(screen.getByTestId('service-life'));
    await kiosk.user.click(screen.getByTestId('next'));
    await typeInto(kiosk, 'identity.cin', '12');
    await kiosk.user.click(screen.getByTestId('next'));
    expect(currentScreen()).toBe('identity');
    expect(fieldError('identity.cin')?.textContent).toMatch(/^Type the number on your identity card/);
    expect(fieldError('identity.lastNameLatin')?.textContent).toBe('This field is required.');
    expect(fieldError('identity.phone')).toBeNull();
    const cin = screen.getByLabelText('National identity card number (CIN)');
    expect(cin.getAttribute('aria-invalid')).toBe('true');
    expect(cin.getAttribute('aria-describedby')).toContain(fieldError('identity.cin')?.id);
    expect(document.activeElement).toBe(cin);
    await typeInto(kiosk, 'identity.cin', 'AB123456');
    expect(fieldError('identity.cin')).toBeNull();
  });

  it('refuses hidden characters and says the limit of a name that is too long, in the citizen language', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' } });
    await kiosk.user.click(screen.getByTestId('start'));
    await kiosk.user.click(screen.getByTestId('new-request'));
    await kiosk.user.click(screen.getByTestId('service-life'));
    await kiosk.user.click(screen.getByTestId('next'));
    fireEvent.change(screen.getByTestId('field-identity-lastNameLatin'), { target: { value: 'El\u202EAmrani' } });
    fireEvent.change(screen.getByTestId('field-identity-firstNameLatin'), { target: { value: 'F'.repeat(121) } });
    await kiosk.user.click(screen.getByTestId('next'));
    expect(currentScreen()).toBe('identity');
    expect(fieldError('identity.lastNameLatin')?.textContent).toMatch(/^Ce texte contient un caractère invisible ou de contrôle/);
    expect(fieldError('identity.firstNameLatin')?.textContent).toBe('Ce texte est trop long : 120 caractères au plus.');
  });

  it('edits a field from the review and comes back to the review', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' } });
    await walkToReview(kiosk);
    await kiosk.user.click(screen.getByRole('button', { name: 'Change: Act number' }));
    expect(currentScreen()).toBe('fields');
    // Focused once the step is painted (src/ui/afterNextPaint.ts).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Act number')));
    await typeInto(kiosk, 'fields.actNumber', '777');
    await kiosk.user.click(screen.getByTestId('next'));
    expect(currentScreen()).toBe('review');
    expect(screen.getByTestId('review-fields.actNumber').textContent).toBe('777');
  });

  it('renders any catalogue: a pictogram it does not know falls back, an unconfirmed fee says "ask at the counter"', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' } });
    await kiosk.user.click(screen.getByTestId('start'));
    await kiosk.user.click(screen.getByTestId('new-request'));
    expect(screen.queryByTestId('service-retired')).toBeNull();
    const tile = screen.getByTestId('service-birth_extract');
    expect(tile.querySelector('[data-pictogram]')?.getAttribute('data-pictogram')).toBe('generic');
    await kiosk.user.click(screen.getByTestId('service-life'));
    expect(screen.getByTestId('service-fee').textContent).toBe('Ask at the counter');
    expect(screen.getByText('National identity card')).toBeTruthy();
    expect(screen.getByTestId('service-return').textContent).toMatch(/will not need to come back/);
  });

  it('saves with the language the citizen switched to, keeping every answer', async () => {
    const kiosk = renderKiosk();
    await walkToReceipt(kiosk);
    expect(kiosk.submitted[0]?.locale).toBe('ar');
    expect(kiosk.submitted[0]?.draft.fields).toEqual({ birthCommune: 'Berkane', actNumber: '1234' });
  });
});
