import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, type MeResponse } from '../../../../src/domain/console/session';
import { ConsoleApiError, type ConsoleApi } from '../api/consoleApi';
import { LanguagePicker } from '../components/LanguagePicker';
import type { ConsoleLocale } from '../i18n/consoleI18n';

interface SignInPageProps {
  api: ConsoleApi;
  locale: ConsoleLocale;
  /** The previous session ended by itself (expiry, revocation): say so above the form. */
  sessionEnded?: boolean;
  onLocale(locale: ConsoleLocale): void;
  onSignedIn(me: MeResponse): void;
}

type Mode = 'signIn' | 'activate';

/** Sign in with a password, or (first time, or after a reset) choose one from the one-time code. */
export function SignInPage({ api, locale, sessionEnded = false, onLocale, onSignedIn }: SignInPageProps) {
  const { t } = useTranslation('console');
  const [mode, setMode] = useState<Mode>(window.location.hash === '#/activate' ? 'activate' : 'signIn');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '');
    if (mode === 'activate') {
      if (value('password').length < PASSWORD_MIN) return setError(t('signIn.errors.passwordTooShort', { count: PASSWORD_MIN }));
      if (value('password') !== value('confirm')) return setError(t('signIn.errors.passwordMismatch'));
    }
    setBusy(true);
    setError(null);
    const attempt =
      mode === 'activate'
        ? api.activate({ code: value('code').trim().toUpperCase(), password: value('password') })
        : api.login({ login: value('login').trim().toLowerCase(), password: value('password') });
    attempt.then(
      (me) => {
        if (window.location.hash === '#/activate') window.location.hash = '#/queues';
        onSignedIn(me);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(signInError(failure, mode, t));
      },
    );
  };

  return (
    <main id="main" className="sign-in" data-testid="page-sign-in">
      <div className="sign-in-language">
        <LanguagePicker locale={locale} onLocale={onLocale} />
      </div>
      <h1>{mode === 'activate' ? t('signIn.activateTitle') : t('signIn.title')}</h1>
      {sessionEnded ? (
        <p role="status" className="notice conflict" data-testid="session-ended">
          {t('signIn.sessionEnded')}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate aria-describedby={error ? 'sign-in-error' : undefined}>
        {mode === 'activate' ? (
          <>
            <p>{t('signIn.activateHelp')}</p>
            <label>
              {t('signIn.code')}
              <input name="code" autoComplete="one-time-code" required data-testid="activation-code" />
            </label>
            <label>
              {t('signIn.newPassword')}
              <input name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} data-testid="new-password" />
            </label>
            <label>
              {t('signIn.confirmPassword')}
              <input name="confirm" type="password" autoComplete="new-password" required data-testid="confirm-password" />
            </label>
          </>
        ) : (
          <>
            <label>
              {t('signIn.login')}
              <input name="login" autoComplete="username" required data-testid="login" />
            </label>
            <label>
              {t('signIn.password')}
              <input name="password" type="password" autoComplete="current-password" required data-testid="password" />
            </label>
          </>
        )}
        {error ? (
          <p id="sign-in-error" role="alert" className="error" data-testid="sign-in-error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy} data-testid="sign-in-submit">
          {mode === 'activate' ? t('signIn.activate') : t('signIn.submit')}
        </button>
      </form>
      <button
        type="button"
        className="link"
        data-testid="switch-mode"
        onClick={() => {
          setError(null);
          setMode(mode === 'activate' ? 'signIn' : 'activate');
        }}
      >
        {mode === 'activate' ? t('signIn.haveAccount') : t('signIn.haveCode')}
      </button>
    </main>
  );
}

type Translate = ReturnType<typeof useTranslation<'console'>>['t'];

function signInError(failure: unknown, mode: Mode, t: Translate): string {
  if (!(failure instanceof ConsoleApiError)) return t('errors.network');
  if (failure.code === 'locked_out') {
    const minutes = Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 60) / 60));
    return t('signIn.errors.locked', { count: minutes });
  }
  if (mode === 'activate') return failure.code === 'activation_invalid' ? t('signIn.errors.badCode') : t('signIn.errors.rejected');
  return t('signIn.errors.badCredentials');
}
