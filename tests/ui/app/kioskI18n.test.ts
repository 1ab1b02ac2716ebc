import { describe, expect, it } from 'vitest';
import ar from '../../../locales/ar/common.json';
import en from '../../../locales/en/common.json';
import enSupervisor from '../../../locales/en/supervisor.json';
import zghSupervisor from '../../../locales/zgh/supervisor.json';
import { LOCALES } from '../../../src/domain/locales';
import { loadKioskI18n, loadNamespace } from '../../../src/i18n/loadKioskI18n';

describe("the kiosk's translations, loaded on demand", () => {
  it('starts with the default language and the French fallback only, without the supervisor namespace', async () => {
    const i18n = await loadKioskI18n('ar');

    expect(i18n.language).toBe('ar');
    expect(i18n.t('common:appName')).toBe(ar.appName);
    for (const namespace of ['citizen', 'common', 'keyboard', 'validation']) {
      expect(i18n.hasResourceBundle('ar', namespace)).toBe(true);
      expect(i18n.hasResourceBundle('fr', namespace)).toBe(true);
    }
    expect(i18n.hasResourceBundle('en', 'citizen')).toBe(false);
    expect(i18n.hasResourceBundle('zgh', 'citizen')).toBe(false);
    expect(i18n.hasResourceBundle('ar', 'supervisor')).toBe(false);
  });

  it('keeps showing the current language until the chosen one is loaded, then switches to it', async () => {
    const i18n = await loadKioskI18n('ar');

    const switching = i18n.changeLanguage('en');
    expect(i18n.language).toBe('ar');
    expect(i18n.t('common:appName')).toBe(ar.appName);

    await switching;
    expect(i18n.language).toBe('en');
    expect(i18n.t('common:appName')).toBe(en.appName);
  });

  it('adds the supervisor namespace in every language when supervisor mode first opens', async () => {
    const i18n = await loadKioskI18n('fr');

    await loadNamespace(i18n, 'supervisor', LOCALES);

    for (const locale of LOCALES) expect(i18n.hasResourceBundle(locale, 'supervisor')).toBe(true);
    expect(i18n.getResourceBundle('en', 'supervisor')).toEqual(enSupervisor);
    expect(i18n.getResourceBundle('zgh', 'supervisor')).toEqual(zghSupervisor);
  });
});
