import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, currentScreen, fieldError, renderKiosk, typeInto } from './kioskHarness';

async function openIdentity(kiosk: ReturnType<typeof renderKiosk>) {
  await kiosk.user.click(screen.getByTestId('start'));
  await kiosk.user.click(screen.getByTestId('new-request'));
  await kiosk.user.click(screen.getByTestId('service-life'));
  await kiosk.user.click(screen.getByTestId('next'));
}

describe('languages and writing direction', { timeout: 20_000 }, () => {
  it('starts in Arabic, right to left, with every language named in its own script', () => {
    renderKiosk();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.title).toBe('شباك');
    expect(screen.getByTestId('kiosk').getAttribute('dir')).toBe('rtl');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('مرحباً بكم');
    const names = ['ar', 'zgh', 'fr', 'en'].map((lng) => screen.getByTestId(`language-${lng}`));
    expect(names.map((button) => button.textContent)).toEqual(['العربية', 'ⵜⴰⵎⴰⵣⵉⵖⵜ', 'Français', 'English']);
    expect(names.map((button) => button.getAttribute('lang'))).toEqual(['ar', 'zgh', 'fr', 'en']);
  });

  it('writes Amazigh in Tifinagh, left to right', async () => {
    const kiosk = renderKiosk();
    await chooseLanguage(kiosk, 'zgh');
    expect(document.documentElement.dir).toBe('ltr');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^[\u2D30-\u2D7F\s]+$/u);
  });

  it('shows Arabic error sentences next to the fields', async () => {
    const kiosk = renderKiosk();
    await openIdentity(kiosk);
    await typeInto(kiosk, 'identity.firstNameArabic', 'Fatima');
    await kiosk.user.click(screen.getByTestId('next'));
    expect(fieldError('identity.cin')?.textContent).toBe('هذه الخانة إجبارية.');
    expect(fieldError('identity.firstNameArabic')?.textContent).toBe('المرجو استعمال الحروف العربية فقط.');
  });

  it('keeps every answer and the current step when the citizen switches language mid-form', async () => {
    const kiosk = renderKiosk();
    await openIdentity(kiosk);
    await typeInto(kiosk, 'identity.cin', 'AB123456');
    await typeInto(kiosk, 'identity.lastNameArabic', 'العمراني');
    await chooseLanguage(kiosk, 'fr');
    expect(currentScreen()).toBe('identity');
    expect(document.documentElement.dir).toBe('ltr');
    expect((screen.getByLabelText('Numéro de la carte nationale d\'identité (CIN)') as HTMLInputElement).value).toBe('AB123456');
    expect((screen.getByTestId('field-identity-lastNameArabic') as HTMLInputElement).value).toBe('العمراني');
    await chooseLanguage(kiosk, 'ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect((screen.getByTestId('field-identity-cin') as HTMLInputElement).value).toBe('AB123456');
  });

  it('keeps Latin values readable inside Arabic text: codes left to right, names isolated', async () => {
    const kiosk = renderKiosk();
    await openIdentity(kiosk);
    expect(screen.getByTestId('field-identity-cin').getAttribute('dir')).toBe('ltr');
    expect(screen.getByTestId('field-identity-lastNameLatin').getAttribute('dir')).toBe('auto');
    for (const input of screen.getAllByRole('textbox')) expect(input.getAttribute('inputmode')).toBe('none');
  });
});
