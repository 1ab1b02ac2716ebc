import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createLazyPortalApi } from './api/lazyPortalApi';
import { browserLocale, loadPortalI18n, storedLocale } from './app/portalI18n';
import { PortalApp } from './app/PortalApp';
import { registerServiceWorkerWhenIdle } from './app/serviceWorker';
import { readSession } from './storage/sessionStore';
import './styles/portal.css';

/**
 * The portal's start: the session kept from last time and the language, then the first screen
 * (language or login, or the home screen of a citizen already logged in). The start-up script
 * carries the language screen and its texts only, so a first visit on a slow phone draws it
 * without a second request; everything else (the API client and its schemas, the login, the
 * outbox database, the request journey, "my requests", the account, the sync engine, the other
 * translations, the service worker) loads after. See docs/performance.md, "The citizens' portal".
 */
async function boot() {
  const chosen = storedLocale();
  const locale = chosen ?? browserLocale(navigator.languages);
  const sessionRead = readSession().catch(() => null);
  // A first visit (no language chosen yet) starts on the language screen whatever the session
  // holds, so it is drawn without waiting for IndexedDB (a database created on that visit); the
  // shell applies the session when the read returns. A returning visit waits, to land where it was.
  const [i18n, session] = await Promise.all([loadPortalI18n(locale), chosen === null ? null : sessionRead]);
  // The shell updates it at login and logout; the API client reads it at each call.
  const tokenRef = { current: session?.token ?? null };
  const api = createLazyPortalApi({ origin: location.origin, token: () => tokenRef.current });
  return { i18n, api, session, pendingSession: chosen === null ? sessionRead : null, locale, firstVisit: chosen === null, tokenRef };
}

const root = createRoot(document.getElementById('root')!);
boot().then(
  (booted) => {
    root.render(
      <StrictMode>
        <I18nextProvider i18n={booted.i18n}>
          <PortalApp {...booted} />
        </I18nextProvider>
      </StrictMode>,
    );
    registerServiceWorkerWhenIdle(import.meta.env.BASE_URL);
  },
  (error: unknown) => {
    console.error('portal start-up failed', error);
    // Written in the four languages at once: the translations may be what failed to load.
    root.render(
      <main className="boot-failure" role="alert">
        <p lang="ar" dir="rtl">تعذر تشغيل البوابة. المرجو إعادة تحميل الصفحة.</p>
        <p lang="zgh">ⵓⵔ ⵜⵜⵡⴰⵙⵏⴽⵛⵎ ⵜⴰⴱⵡⴰⴱⵜ. ⴰⵍⵙ ⴰⵙⵏⵓⴱⴳ ⵏ ⵜⴰⵙⵏⴰ.</p>
        <p lang="fr">Le portail n’a pas pu démarrer. Rechargez la page.</p>
        <p lang="en">The portal could not start. Please reload the page.</p>
      </main>,
    );
  },
);
