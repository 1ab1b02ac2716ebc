import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fr from '../../../locales/fr/citizen.json';
import { KioskApp } from '../../../src/app/KioskApp';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { loadKioskI18n } from '../../../src/i18n/loadKioskI18n';
import { ShubbakDb } from '../../../src/storage/db';
import { bootedKiosk, tap } from './bootedKiosk';

describe('a language loaded on demand', () => {
  let db: ShubbakDb;

  beforeEach(() => {
    db = new ShubbakDb(`language-${crypto.randomUUID()}`);
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('replaces the screen texts once loaded, and the citizen keeps what they typed', async () => {
    const settings = { ...DEFAULT_SETTINGS, defaultLocale: 'en' as const };
    const i18n = await loadKioskI18n('en');
    const boot = bootedKiosk({ db, i18n, settings });
    render(<KioskApp boot={boot} />);
    for (const testId of ['start', 'new-request', 'service-life', 'next']) tap(screen.getByTestId(testId));
    fireEvent.change(screen.getByTestId('field-identity-cin'), { target: { value: 'AB123456' } });
    expect(i18n.hasResourceBundle('zgh', 'citizen')).toBe(false);

    tap(screen.getByTestId('language-menu'));
    tap(screen.getByTestId('language-zgh'));
    tap(screen.getByTestId('language-menu'));
    tap(screen.getByTestId('language-fr'));

    expect(await screen.findByRole('heading', { name: fr.identity.title })).toBeTruthy();
    expect(i18n.language).toBe('fr');
    expect((screen.getByTestId('field-identity-cin') as HTMLInputElement).value).toBe('AB123456');
    expect(document.title).toBe(i18n.t('common:appName'));
  });
});
