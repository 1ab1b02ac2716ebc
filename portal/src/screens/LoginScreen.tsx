import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoroccanMobile } from '../../../src/domain/identifiers';
import { westernDigits } from '../../../src/domain/digits';
import type { PortalSession } from '../../../src/domain/portal/login';
import { usePortal } from '../app/portalContext';
import { Notice } from '../components/Notice';
import { ScreenTitle } from '../components/ScreenTitle';
import { readInstallationId, storedSessionFrom, writeSession } from '../storage/sessionStore';
import { loginErrorKey } from './loginErrors';

type Method = 'sms' | 'email';

/** Logs in with a one-time code sent by SMS (phone, then code) or with a link sent by e-mail. */
export function LoginScreen() {
  const { t } = useTranslation('portal');
  const [method, setMethod] = useState<Method>('sms');
  return (
    <main className="screen screen--login">
      <ScreenTitle>{t('login.title')}</ScreenTitle>
      <p>{t('login.intro')}</p>
      <div className="segmented" role="group" aria-label={t('login.method')}>
        <button type="button" aria-pressed={method === 'sms'} data-testid="login-sms" onClick={() => setMethod('sms')}>
          {t('login.bySms')}
        </button>
        <button type="button" aria-pressed={method === 'email'} data-testid="login-email" onClick={() => setMethod('email')}>
          {t('login.byEmail')}
        </button>
      </div>
      {method === 'sms' ? <SmsLogin /> : <EmailLogin />}
    </main>
  );
}

function useKeepSession() {
  const { setSession, navigate } = usePortal();
  return async (session: PortalSession) => {
    const stored = storedSessionFrom(session);
    await writeSession(stored);
    setSession(stored);
    navigate({ name: 'home' });
  };
}

function SmsLogin() {
  const { t } = useTranslation(['portal', 'validation']);
  const { api, locale } = usePortal();
  const keepSession = useKeepSession();
  const [phoneInput, setPhoneInput] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function askCode(event: FormEvent) {
    event.preventDefault();
    const parsed = parseMoroccanMobile(phoneInput);
    if (!parsed) return setError(t('validation:validation.phone'));
    setBusy(true);
    setError(null);
    try {
      await api.requestSmsCode(parsed, locale);
      setPhone(parsed);
    } catch (failure) {
      setError(t(loginErrorKey(failure, 'login.wrongCode')));
    } finally {
      setBusy(false);
    }
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    const digits = westernDigits(code).replace(/\D/g, '');
    if (!phone) return;
    if (digits.length !== 6) return setError(t('login.badCode'));
    setBusy(true);
    setError(null);
    try {
      await keepSession(await api.verifySmsCode(phone, digits, await readInstallationId().catch(() => null)));
    } catch (failure) {
      setError(t(loginErrorKey(failure, 'login.wrongCode')));
      setBusy(false);
    }
  }

  if (phone === null) {
    return (
      <form className="form" onSubmit={askCode} noValidate>
        <div className="field">
          <label htmlFor="login-phone">{t('login.phoneLabel')}</label>
          <p className="field__hint" id="login-phone-hint">
            {t('login.phoneHint')}
          </p>
          <input
            id="login-phone"
            data-testid="login-phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            dir="ltr"
            value={phoneInput}
            aria-describedby={error ? 'login-phone-hint login-error' : 'login-phone-hint'}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setPhoneInput(event.target.value)}
          />
        </div>
        {error ? <LoginError text={error} /> : null}
        <button type="submit" className="primary" disabled={busy} data-testid="login-send-code">
          {t('login.sendCode')}
        </button>
      </form>
    );
  }
  return (
    <form className="form" onSubmit={verify} noValidate>
      <Notice kind="info" testId="login-code-sent">
        <bdi dir="ltr">{phone}</bdi> — {t('login.codeSent')}
      </Notice>
      <div className="field">
        <label htmlFor="login-code">{t('login.codeLabel')}</label>
        <p className="field__hint" id="login-code-hint">
          {t('login.codeHint')}
        </p>
        <input
          id="login-code"
          data-testid="login-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          dir="ltr"
          value={code}
          aria-describedby={error ? 'login-code-hint login-error' : 'login-code-hint'}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setCode(event.target.value)}
        />
      </div>
      {error ? <LoginError text={error} /> : null}
      <button type="submit" className="primary" disabled={busy} data-testid="login-verify">
        {t('login.verify')}
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setPhone(null);
          setCode('');
          setError(null);
        }}
      >
        {t('login.otherNumber')}
      </button>
    </form>
  );
}

function EmailLogin() {
  const { t } = useTranslation('portal');
  const { api, locale } = usePortal();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function askLink(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) || address.length > 254) return setError(t('login.badEmail'));
    setBusy(true);
    setError(null);
    try {
      await api.requestEmailLink(address, locale);
      setSent(true);
    } catch (failure) {
      setError(t(loginErrorKey(failure, 'login.linkInvalid')));
    } finally {
      setBusy(false);
    }
  }

  if (sent) return <Notice kind="success" testId="login-link-sent">{t('login.linkSent')}</Notice>;
  return (
    <form className="form" onSubmit={askLink} noValidate>
      <div className="field">
        <label htmlFor="login-email-address">{t('login.emailLabel')}</label>
        <input
          id="login-email-address"
          data-testid="login-email-address"
          type="email"
          inputMode="email"
          autoComplete="email"
          dir="ltr"
          value={email}
          aria-describedby={error ? 'login-error' : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      {error ? <LoginError text={error} /> : null}
      <button type="submit" className="primary" disabled={busy} data-testid="login-send-link">
        {t('login.sendLink')}
      </button>
    </form>
  );
}

function LoginError({ text }: { text: string }) {
  return (
    <p className="field__error" id="login-error" role="alert" data-testid="login-error">
      {text}
    </p>
  );
}
