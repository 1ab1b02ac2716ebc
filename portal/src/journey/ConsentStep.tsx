import { useState, type Dispatch } from 'react';
import { contactEmailSchema, type ContactChoice } from '../../../src/domain/contact';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../src/domain/catalogue';
import { CONSENT_NOTICE_VERSION } from '../../../src/domain/request';
import type { PortalOffice } from '../../../src/domain/portal/offices';
import { usePortal } from '../app/portalContext';
import { ScreenTitle } from '../components/ScreenTitle';
import type { JourneyEvent } from './journeyState';
import { officeName } from './officeText';

/**
 * The kiosk's law 09-08 notice, word for word (the same texts, the same notice version recorded
 * with the request), naming the annex the citizen chose; the full notice unfolds in place.
 */
export function ConsentStep({ office, service, phone, send }: { office: PortalOffice; service: Service; phone: string; send: Dispatch<JourneyEvent> }) {
  const { t } = useTranslation(['portal', 'citizen', 'journey', 'common', 'validation']);
  const { locale, session } = usePortal();
  const name = officeName(office, locale);
  const [agreed, setAgreed] = useState(false);
  const [notifyReceived, setNotifyReceived] = useState(false);
  const [email, setEmail] = useState(() => (session?.login.includes('@') ? session.login : ''));
  const [emailError, setEmailError] = useState(false);

  function accept() {
    const address = email.trim();
    if (agreed && address !== '' && !contactEmailSchema.safeParse(address).success) return setEmailError(true);
    const contact: ContactChoice = { agreed, notifyReceived: agreed && notifyReceived, ...(agreed && address ? { email: address } : {}) };
    send({ type: 'consent.accept', contact });
  }
  return (
    <section className="screen">
      <ScreenTitle>{t('citizen:consent.title')}</ScreenTitle>
      <div className="consent" data-notice-version={CONSENT_NOTICE_VERSION}>
        <ul className="consent__points" data-testid="consent-points">
          <li>{t('journey:consent.who', { office: name })}</li>
          <li>{t('journey:consent.why')}</li>
          <li>{t('journey:consent.whoSees')}</li>
          <li>{t('journey:consent.required')}</li>
          <li>{t('journey:consent.rights')}</li>
          <li>{t('consent.portalAccount')}</li>
        </ul>
        <details className="consent__full">
          <summary data-testid="consent-full">{t('journey:consent.readFull')}</summary>
          <p className="consent__law">{t('citizen:consent.law')}</p>
          <ul>
            <li>{t('citizen:consent.controller', { office: name })}</li>
            <li>{t('citizen:consent.purpose')}</li>
            <li>{t('citizen:consent.recipients')}</li>
            <li>{t('citizen:consent.mandatory')}</li>
            <li>{t('citizen:consent.rights')}</li>
            <li>{t('consent.portalRights')}</li>
          </ul>
        </details>
      </div>
      <fieldset className="contact-choice">
        <legend>{t('consent.contactTitle')}</legend>
        <label className="check">
          <input type="checkbox" checked={agreed} data-testid="contact-agree" onChange={(event) => setAgreed(event.target.checked)} />
          <span>{t('consent.contactAgree')}</span>
        </label>
        {agreed ? (
          <>
            <label className="check">
              <input type="checkbox" checked={notifyReceived} data-testid="contact-received" onChange={(event) => setNotifyReceived(event.target.checked)} />
              <span>{t('consent.contactReceived')}</span>
            </label>
            {phone ? <p>{t('consent.contactSms', { phone })}</p> : null}
            <div className={emailError ? 'field field--invalid' : 'field'}>
              <label htmlFor="contact-email">{t('consent.contactEmailLabel')}</label>
              <input
                id="contact-email"
                data-testid="contact-email"
                type="email"
                inputMode="email"
                autoComplete="email"
                dir="ltr"
                value={email}
                aria-invalid={emailError || undefined}
                aria-describedby={emailError ? 'contact-email-error' : undefined}
                onChange={(event) => {
                  setEmail(event.target.value);
                  setEmailError(false);
                }}
              />
              {emailError ? (
                <p className="field__error" id="contact-email-error">
                  {t('login.badEmail')}
                </p>
              ) : null}
            </div>
            {!phone && email.trim() === '' ? <p className="notice notice--info">{t('consent.contactNoChannel')}</p> : null}
          </>
        ) : null}
      </fieldset>
      <div className="actions">
        <button type="button" className="primary" data-testid="consent-accept" onClick={accept}>
          {t('consent.accept')}
        </button>
        <button type="button" className="secondary" onClick={() => send({ type: 'step.back', service })}>
          {t('common:actions.back')}
        </button>
      </div>
    </section>
  );
}
