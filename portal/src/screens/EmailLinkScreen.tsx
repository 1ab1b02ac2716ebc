import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortal } from '../app/portalContext';
import { Notice } from '../components/Notice';
import { ScreenTitle } from '../components/ScreenTitle';
import { readInstallationId, storedSessionFrom, writeSession } from '../storage/sessionStore';
import { loginErrorKey } from './loginErrors';

/** Where the e-mail's link lands (`#/login/<token>`): the token is exchanged once for a session. */
export function EmailLinkScreen({ token }: { token: string }) {
  const { t } = useTranslation('portal');
  const { api, setSession } = usePortal();
  const [error, setError] = useState<string | null>(null);
  // A link is single-use: StrictMode's second effect run must not spend it twice.
  const spent = useRef(false);
  useEffect(() => {
    if (spent.current) return;
    spent.current = true;
    void (async () => {
      try {
        const session = await api.verifyEmailLink(token, await readInstallationId().catch(() => null));
        const stored = storedSessionFrom(session);
        await writeSession(stored);
        setSession(stored);
        // Replaces the link in the history: going back never offers the spent token again.
        location.replace('#/');
      } catch (failure) {
        setError(t(loginErrorKey(failure, 'login.linkInvalid')));
      }
    })();
  }, [api, setSession, t, token]);
  return (
    <main className="screen">
      <ScreenTitle>{t('login.title')}</ScreenTitle>
      {error ? (
        <>
          <Notice kind="error">{error}</Notice>
          <a className="button-link" href="#/">
            {t('login.backToLogin')}
          </a>
        </>
      ) : (
        <p role="status">{t('login.checkingLink')}</p>
      )}
    </main>
  );
}
