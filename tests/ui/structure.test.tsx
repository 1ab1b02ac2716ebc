import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OfficeIdentity } from '../../src/domain/officeIdentity';
import { chooseLanguage, renderKiosk } from './kioskHarness';

const IDENTITY: OfficeIdentity = {
  version: 2,
  names: { ar: 'ملحقة بركان 2', zgh: 'ⵜⴰⵏⵎⵍⵜ ⵏ ⴱⵔⴽⴰⵏ 2', fr: 'Annexe Berkane 2', en: 'Berkane annex 2' },
  logo: { mediaType: 'image/png', base64: 'iVBORw0KGgo=' },
};

describe("the kiosk's structure: the office, the steps, the summaries", { timeout: 20_000 }, () => {
  it("names the office in the screen's language, with its logo, and never another language's name", async () => {
    const kiosk = renderKiosk({ officeIdentity: IDENTITY });
    expect(screen.getByTestId('office-name').textContent).toBe('ملحقة بركان 2');
    expect(screen.getByTestId('office-logo-image').getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    await chooseLanguage(kiosk, 'zgh');
    expect(screen.getByTestId('office-name').textContent).toBe('ⵜⴰⵏⵎⵍⵜ ⵏ ⴱⵔⴽⴰⵏ 2');
    await chooseLanguage(kiosk, 'fr');
    expect(screen.getByTestId('office-name').textContent).toBe('Annexe Berkane 2');
  });

  it('shows a neutral, translated office name and emblem before any identity was set', async () => {
    const kiosk = renderKiosk({ settings: { officeName: 'Annexe administrative' } });
    expect(screen.getByTestId('office-name').textContent).toBe('الملحقة الإدارية');
    expect(screen.queryByTestId('office-logo-image')).toBeNull();
    await chooseLanguage(kiosk, 'en');
    expect(screen.getByTestId('office-name').textContent).toBe('Administrative annex');
  });

  it('counts the steps of a request with a pictogram each, the same count whatever the service', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'en' } });
    await kiosk.user.click(screen.getByTestId('start'));
    expect(screen.queryByTestId('step-indicator')).toBeNull();
    await kiosk.user.click(screen.getByTestId('new-request'));
    expect(screen.getByTestId('step-indicator').textContent).toContain('Step 1 of 5');
    await kiosk.user.click(screen.getByTestId('service-life'));
    expect(screen.getByTestId('step-indicator').textContent).toContain('Step 2 of 5');
    await kiosk.user.click(screen.getByTestId('next'));
    const steps = screen.getByTestId('step-indicator');
    expect(steps.textContent).toContain('Step 3 of 5');
    expect(steps.querySelectorAll('li')).toHaveLength(5);
    expect(within(steps).getByRole('listitem', { current: 'step' }).getAttribute('data-pictogram')).toBe('step-details');
  });

  it('puts the full consent notice one tap away behind five short points', async () => {
    const kiosk = renderKiosk({ settings: { defaultLocale: 'fr' } });
    await kiosk.user.click(screen.getByTestId('start'));
    await kiosk.user.click(screen.getByTestId('new-request'));
    await kiosk.user.click(screen.getByTestId('service-life'));
    await kiosk.user.click(screen.getByTestId('next'));
    for (const [path, value] of [['cin', 'AB123456'], ['lastNameLatin', 'Alaoui'], ['firstNameLatin', 'Samira'], ['dateOfBirth', '15041990']] as const) {
      await kiosk.user.type(screen.getByTestId(`field-identity-${path}`), value);
    }
    await kiosk.user.click(screen.getByTestId('next'));
    await kiosk.user.click(screen.getByTestId('next'));
    expect(screen.getByTestId('consent-points').querySelectorAll('li')).toHaveLength(5);
    expect(screen.queryByText(/Loi 09-08/)).toBeNull();
    await kiosk.user.click(screen.getByTestId('consent-full'));
    expect(within(screen.getByTestId('dialog-consent-notice')).getByText('Loi 09-08 relative à la protection des données à caractère personnel')).toBeTruthy();
    await kiosk.user.click(screen.getByTestId('consent-full-close'));
    await waitFor(() => expect(screen.queryByTestId('dialog-consent-notice')).toBeNull());
  });
});
