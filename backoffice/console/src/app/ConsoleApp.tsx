import { useCallback, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import type { MeResponse } from '../../../../src/domain/console/session';
import type { ConsoleApi } from '../api/consoleApi';
import { applyDocumentLanguage, type ConsoleLocale } from '../i18n/consoleI18n';
import { SignInPage } from '../pages/SignInPage';
import { OfficeFrame } from './OfficeFrame';

export interface ConsoleAppProps {
  api: ConsoleApi;
  i18n: i18n;
  locale: ConsoleLocale;
  /** Remembers the chosen language for the next visit (localStorage in the browser). */
  saveLocale?: (locale: ConsoleLocale) => void;
}

/** Signed out: the sign-in and activation page; signed in: the office's pages. */
export function ConsoleApp({ api, i18n, locale: initialLocale, saveLocale }: ConsoleAppProps) {
  const [locale, setLocale] = useState(initialLocale);
  const [me, setMe] = useState<MeResponse | null | undefined>(undefined);
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    let current = true;
    api.me().then(
      (found) => current && setMe(found),
      () => current && setMe(null),
    );
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(
    () =>
      api.onSessionEnded(() => {
        setMe(null);
        setEnded(true);
      }),
    [api],
  );

  useEffect(() => {
    applyDocumentLanguage(document, locale);
    void i18n.changeLanguage(locale);
  }, [i18n, locale]);

  const chooseLocale = useCallback(
    (next: ConsoleLocale) => {
      setLocale(next);
      saveLocale?.(next);
    },
    [saveLocale],
  );

  return (
    <I18nextProvider i18n={i18n}>
      {me === undefined ? null : me === null ? (
        <SignInPage
          api={api}
          locale={locale}
          sessionEnded={ended}
          onLocale={chooseLocale}
          onSignedIn={(signedIn) => {
            setEnded(false);
            setMe(signedIn);
          }}
        />
      ) : (
        <OfficeFrame api={api} me={me} locale={locale} onLocale={chooseLocale} onSignedOut={() => setMe(null)} />
      )}
    </I18nextProvider>
  );
}
