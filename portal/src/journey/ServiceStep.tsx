import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../src/i18n/format';
import { Pictogram } from '../../../src/ui/components/Pictogram';
import { usePortal } from '../app/portalContext';
import { ScreenTitle } from '../components/ScreenTitle';
import type { JourneyEvent } from './journeyState';
import { servicesOffered, type Offerings } from './offerings';

/** The documents one can ask for, with the kiosk's pictograms. */
export function ServiceStep({ offerings, send }: { offerings: Offerings; send: Dispatch<JourneyEvent> }) {
  const { t } = useTranslation('portal');
  const { locale } = usePortal();
  const services = servicesOffered(offerings);
  return (
    <section className="screen">
      <ScreenTitle>{t('services.title')}</ScreenTitle>
      {services.length === 0 ? <p>{t('services.empty')}</p> : null}
      <ul className="choices" role="list">
        {services.map((service) => (
          <li key={service.id}>
            <button type="button" className="choice choice--service" data-testid={`service-${service.id}`} onClick={() => send({ type: 'service.choose', serviceId: service.id })}>
              <Pictogram name={service.pictogram} size={40} />
              <span>{localized(service.name, locale)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
