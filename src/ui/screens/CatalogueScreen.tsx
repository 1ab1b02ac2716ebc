import { useTranslation } from 'react-i18next';
import { activeServices } from '../../domain/catalogue';
import { localized } from '../../i18n/format';
import { ActionBar } from '../components/ActionBar';
import { Pictogram } from '../components/Pictogram';
import { ScreenFrame } from '../components/ScreenFrame';
import { TouchButton } from '../components/TouchButton';
import { useLocale, useSend, useSessionValue } from '../session/hooks';

/** Renders whatever catalogue the kiosk holds: services are data, never code. */
export function CatalogueScreen() {
  const { t } = useTranslation('citizen');
  const send = useSend();
  const locale = useLocale();
  const services = useSessionValue((context) => activeServices(context.catalogue));
  return (
    <ScreenFrame name="catalogue" title={t('catalogue.title')} actions={<ActionBar />}>
      {services.length === 0 ? (
        <p className="notice">{t('catalogue.empty')}</p>
      ) : (
        <ul className="tiles" role="list">
          {services.map((service) => (
            <li key={service.id}>
              <TouchButton className="tile" variant="secondary" testId={`service-${service.id}`} prompt={`service.${service.id}`} onClick={() => send({ type: 'service.select', serviceId: service.id })}>
                <Pictogram name={service.pictogram} />
                <span className="tile__name">{localized(service.name, locale)}</span>
              </TouchButton>
            </li>
          ))}
        </ul>
      )}
    </ScreenFrame>
  );
}
