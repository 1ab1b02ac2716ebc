import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../domain/catalogue';
import type { Locale } from '../../domain/locales';
import { formatDirhams, localized } from '../../i18n/format';
import { ActionBar } from '../components/ActionBar';
import { Dialog } from '../components/Dialog';
import { Pictogram } from '../components/Pictogram';
import { ScreenFrame } from '../components/ScreenFrame';
import { TouchButton } from '../components/TouchButton';
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

/**
 * A summary that fits the screen: one line per thing to bring, the fee, the delay and whether
 * to come back, each with its pictogram. The description and the full texts are one tap away.
 */
function ServiceDetails({ service }: { service: Service }) {
  const { t } = useTranslation(['citizen', 'journey']);
  const send = useSend();
  const locale = useLocale();
  const fee = useFeeText(service.fee, locale);
  const [details, setDetails] = useState(false);
  return (
    <ScreenFrame
      name="service"
      title={localized(service.name, locale)}
      actions={<ActionBar onNext={() => send({ type: 'flow.next' })} nextLabel={t('service.start')} />}
    >
      <div className="service-sheet">
        <ul className="summary" role="list">
          <li>
            <Pictogram name="documents" size={48} />
            <div className="summary__text">
              <strong>{service.documents.length ? t('journey:service.documentsCount', { count: service.documents.length }) : t('service.noDocuments')}</strong>
              {service.documents.length ? (
                <ul className="summary__lines documents">
                  {service.documents.map((document) => (
                    <li key={document.fr}>{localized(document, locale)}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
          <li>
            <Pictogram name="coins" size={48} />
            <span>
              <span className="visually-hidden">{t('service.fee')}: </span>
              <span data-testid="service-fee">{fee}</span>
            </span>
          </li>
          <li>
            <Pictogram name="clock" size={48} />
            <span>
              <span className="visually-hidden">{t('service.delay')}: </span>
              {localized(service.delay, locale)}
            </span>
          </li>
          <li className={service.returnToCounter ? 'summary__important' : undefined}>
            <Pictogram name={service.returnToCounter ? 'in-person' : 'counter'} size={48} />
            <span data-testid="service-return">{service.returnToCounter ? t('service.returnToCounter') : t('service.noReturn')}</span>
          </li>
        </ul>
        <TouchButton variant="secondary" className="more-button" testId="service-details" prompt="choice.details" onClick={() => setDetails(true)}>
          <Pictogram name="generic" size={32} />
          {t('journey:service.details')}
        </TouchButton>
      </div>
      {details ? (
        <Dialog
          name="service-details"
          title={t('journey:service.detailsTitle')}
          actions={
            <TouchButton testId="service-details-close" onClick={() => setDetails(false)}>
              {t('journey:service.close')}
            </TouchButton>
          }
        >
          <h3>{t('service.about')}</h3>
          <p>{localized(service.description, locale)}</p>
          <h3>{t('service.documents')}</h3>
          {service.documents.length ? (
            <ul>
              {service.documents.map((document) => (
                <li key={document.fr}>{localized(document, locale)}</li>
              ))}
            </ul>
          ) : (
            <p>{t('service.noDocuments')}</p>
          )}
          <p>
            <strong>{t('service.fee')}:</strong> {fee}
          </p>
          <p>
            <strong>{t('service.delay')}:</strong> {localized(service.delay, locale)}
          </p>
        </Dialog>
      ) : null}
    </ScreenFrame>
  );
}
