import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../src/domain/catalogue';
import { CONSENT_NOTICE_VERSION } from '../../../src/domain/request';
import type { PortalOffice } from '../api/portalContract';
import { usePortal } from '../app/portalContext';
import { ScreenTitle } from '../components/ScreenTitle';
import type { JourneyEvent } from './journeyState';
import { officeText } from './officeText';

/**
 * The kiosk's law 09-08 notice, word for word (the same texts, the same notice version recorded
 * with the request), naming the annex the citizen chose; the full notice unfolds in place.
 */
export function ConsentStep({ office, service, send }: { office: PortalOffice; service: Service; send: Dispatch<JourneyEvent> }) {
  const { t } = useTranslation(['portal', 'citizen', 'journey', 'common']);
  const { locale } = usePortal();
  const name = officeText(office.name, locale);
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
      <div className="actions">
        <button type="button" className="primary" data-testid="consent-accept" onClick={() => send({ type: 'consent.accept' })}>
          {t('consent.accept')}
        </button>
        <button type="button" className="secondary" onClick={() => send({ type: 'step.back', service })}>
          {t('common:actions.back')}
        </button>
      </div>
    </section>
  );
}
