import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../src/domain/catalogue';
import { localized } from '../../../src/i18n/format';
import { usePortal } from '../app/portalContext';
import { ScreenTitle } from '../components/ScreenTitle';
import type { JourneyEvent } from './journeyState';
import { officesOffering, type Offerings } from './offerings';
import { officeName, openingHoursLines } from './officeText';

/** The annex where the citizen will collect the document, with its address and opening hours. */
export function OfficeStep({ offerings, service, send }: { offerings: Offerings; service: Service; send: Dispatch<JourneyEvent> }) {
  const { t } = useTranslation(['portal', 'common']);
  const { locale } = usePortal();
  const offices = officesOffering(offerings, service.id);
  return (
    <section className="screen">
      <ScreenTitle>{t('office.title')}</ScreenTitle>
      <p className="step-context">{localized(service.name, locale)}</p>
      {offices.length === 0 ? <p>{t('office.none')}</p> : null}
      <ul className="cards" role="list">
        {offices.map((office) => {
          const name = officeName(office, locale);
          const address = office.address?.[locale] ?? null;
          const hours = openingHoursLines(office.openingHours, locale);
          return (
            <li key={office.id} className="card">
              <h2>{name}</h2>
              <dl>
                <dt>{t('office.address')}</dt>
                <dd>{address ?? t('office.askAnnex')}</dd>
                <dt>{t('office.hours')}</dt>
                <dd>
                  {hours.length === 0
                    ? t('office.askAnnex')
                    : hours.map((line) => (
                        <span key={line} className="hours-line">
                          {line}
                        </span>
                      ))}
                </dd>
              </dl>
              {/* The annex's name in the visible text, not only in an aria-label: a voice-control user says what they see (WCAG 2.5.3). */}
              <button type="button" className="primary" data-testid={`office-${office.id}`} onClick={() => send({ type: 'office.choose', officeId: office.id })}>
                {t('office.chooseNamed', { office: name })}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="secondary" onClick={() => send({ type: 'step.back', service })}>
        {t('common:actions.back')}
      </button>
    </section>
  );
}
