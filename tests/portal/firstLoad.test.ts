import { describe, expect, it, vi } from 'vitest';
import { LOCALES } from '../../src/domain/locales';
import { createLazyPortalApi } from '../../portal/src/api/lazyPortalApi';
import { PortalApiError } from '../../portal/src/api/portalApi';
import { loadLaterTexts, loadPortalI18n } from '../../portal/src/app/portalI18n';
import { FIRST_SCREEN_NAMESPACES, FIRST_SCREEN_PORTAL_KEYS, LATER_NAMESPACES, firstScreenResources, laterLocaleFiles } from '../../portal/src/app/portalTexts';
import { switchLanguage } from '../../portal/src/app/portalI18n';
import enPortal from '../../locales/en/portal.json';
import frPortal from '../../locales/fr/portal.json';
import zghPortal from '../../locales/zgh/portal.json';
import { registerServiceWorkerWhenIdle } from '../../portal/src/app/serviceWorker';

describe("the portal's first screen waits for nothing it does not show", () => {
  it('carries the first screen\'s namespaces in every language, and loads every other namespace of every language later', () => {
    const resources = firstScreenResources();
    for (const locale of LOCALES) {
      expect(Object.keys(resources[locale] ?? {}).sort(), locale).toEqual([...FIRST_SCREEN_NAMESPACES].sort());
      // Of `portal`, the language screen's keys only, each translated.
      expect(Object.keys(resources[locale]?.portal ?? {}).sort(), locale).toEqual([...FIRST_SCREEN_PORTAL_KEYS].sort());
      for (const key of FIRST_SCREEN_PORTAL_KEYS) expect((resources[locale]?.portal as Record<string, unknown> | undefined)?.[key], `${locale} ${key}`).toBeTruthy();
    }
    const later = laterLocaleFiles().map(([language, namespace]) => `${language}/${namespace}`).sort();
    expect(later).toEqual(LOCALES.flatMap((locale) => LATER_NAMESPACES.map((namespace) => `${locale}/${namespace}`)).sort());
  });

  it('draws the language screen in any language without loading a namespace, then loads the others with the French fallback', async () => {
    const i18n = await loadPortalI18n('zgh');
    expect(i18n.t('common:languages.ar')).not.toBe('languages.ar');
    expect(i18n.hasLoadedNamespace('validation')).toBe(false);
    expect(i18n.getResourceBundle('zgh', 'portal')).not.toEqual(zghPortal);
    await loadLaterTexts(i18n);
    // The rest of `portal`, in the language and the French fallback.
    expect(i18n.getResourceBundle('zgh', 'portal')).toEqual(zghPortal);
    expect(i18n.getResourceBundle('fr', 'portal')).toEqual(frPortal);
    for (const namespace of LATER_NAMESPACES) expect(i18n.hasLoadedNamespace(namespace), namespace).toBe(true);
    expect(i18n.getResourceBundle('fr', 'refusal')).toBeTruthy();
    // A language chosen afterwards gets every namespace too.
    await switchLanguage(i18n, 'en');
    for (const namespace of [...FIRST_SCREEN_NAMESPACES, ...LATER_NAMESPACES]) expect(i18n.hasResourceBundle('en', namespace), namespace).toBe(true);
    expect(i18n.getResourceBundle('en', 'portal')).toEqual(enPortal);
  });

  it("loads the API client at its first call, and answers as the client itself does (errors included)", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }), { status: 429 }));
    const api = createLazyPortalApi({ origin: 'https://annexe.example', token: () => null, fetch });
    expect(fetch).not.toHaveBeenCalled();
    const failure = await api.requestSmsCode('+212612345678', 'fr').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PortalApiError);
    expect(failure).toMatchObject({ reason: 'throttled', code: 'rate_limited' });
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('registers the service worker at the portal\'s base once the page is idle, not before', () => {
    const register = vi.fn(async () => ({}) as ServiceWorkerRegistration);
    let idle: (() => void) | null = null;
    const scope = {
      navigator: { serviceWorker: { register } } as unknown as Navigator,
      requestIdleCallback: (callback: IdleRequestCallback) => {
        idle = () => callback({ didTimeout: false, timeRemaining: () => 10 });
        return 1;
      },
    };
    registerServiceWorkerWhenIdle('/portal/', scope);
    expect(register).not.toHaveBeenCalled();
    idle!();
    expect(register).toHaveBeenCalledWith('/portal/sw.js', { scope: '/portal/' });
  });
});
