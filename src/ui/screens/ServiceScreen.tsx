import { useTranslation } from 'react-i18next';
import type { Service } from '../../domain/catalogue';
import type { Locale } from '../../domain/locales';
import { formatDirhams, localized } from '../../i18n/format';
import { ActionBar } from '../components/ActionBar';
import { Pictogram } from '../components/Pictogram';
import { ScreenFrame } from '../components/ScreenFrame';
import { useLocale, useSelectedService, useSend } from '../session/hooks';

function useFeeText(fee: Service['fee'], locale: Locale): string {
  const { t } = useTranslation('common');
  if (fee.amountMad === null) return t('fee.askCounter');
  if (fee.amountMad === 0 && fee.confirmed) return t('fee.free');
  const amount = formatDirhams(fee.amountMad, locale);
  return fee.confirmed ? amount : t('fee.unconfirmed', { amount });
}

/** What the service is and what it takes, before the citizen types anything. */
export function ServiceScreen() {
  const service = useSelectedService();
  return service ? <ServiceDetails service={service} /> : null;
}

function ServiceDetails({ service }: { service: Service }) {
  const { t } = useTranslation('citizen');
  const send = useSend();
  const locale = useLocale();
  const fee = useFeeText(service.fee, locale);
  return (
    <ScreenFrame
      name="service"
      title={localized(service.name, locale)}
      actions={<ActionBar onNext={() => send({ type: 'flow.next' })} nextLabel={t('service.start')} />}
    >
      <div className="service-sheet">
        <Pictogram name={service.pictogram} size={128} />
        <h2>{t('service.about')}</h2>
        <p>{localized(service.description, locale)}</p>
        <h2>{t('service.documents')}</h2>
        {service.documents.length ? (
          <ul className="documents">
            {service.documents.map((document) => (
              <li key={document.fr}>{localized(document, locale)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('service.noDocuments')}</p>
        )}
        <dl className="facts">
          <div>
            <dt>{t('service.fee')}</dt>
            <dd data-testid="service-fee">{fee}</dd>
          </div>
          <div>
            <dt>{t('service.delay')}</dt>
            <dd>{localized(service.delay, locale)}</dd>
          </div>
        </dl>
        <p className={service.returnToCounter ? 'notice notice--important' : 'notice'} data-testid="service-return">
          {service.returnToCounter ? t('service.returnToCounter') : t('service.noReturn')}
        </p>
      </div>
    </ScreenFrame>
  );
}
