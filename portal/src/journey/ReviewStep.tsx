import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../src/domain/catalogue';
import type { IdentityKey } from '../../../src/domain/identity';
import { formatDate, localized } from '../../../src/i18n/format';
import { identitySpecs, isLeftToRightValue, serviceFieldSpecs } from '../../../src/ui/form/fieldSpec';
import type { PortalOffice } from '../../../src/domain/portal/offices';
import { usePortal } from '../app/portalContext';
import { Notice } from '../components/Notice';
import { ScreenTitle } from '../components/ScreenTitle';
import type { JourneyEvent, JourneyState } from './journeyState';
import { officeName } from './officeText';

/** Everything the request will carry, each part with its "Change", then "Send". */
export function ReviewStep({ journey, service, office, send }: { journey: JourneyState; service: Service; office: PortalOffice; send: Dispatch<JourneyEvent> }) {
  const { t } = useTranslation(['portal', 'citizen', 'common']);
  const { locale } = usePortal();
  const identity = identitySpecs((key) => t(`citizen:identity.${key}`), () => undefined);
  const fields = serviceFieldSpecs(service.fields, locale);
  const shown = (kind: string, raw: string | undefined) => {
    if (!raw) return t('common:form.notGiven');
    return kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? formatDate(raw, locale) : raw;
  };
  return (
    <section className="screen">
      <ScreenTitle>{t('citizen:review.title')}</ScreenTitle>
      {journey.step === 'saveFailed' ? (
        <Notice kind="error" testId="save-failed">
          {journey.saveFailure === 'quota' ? t('saveFailed.quota') : t('saveFailed.storage')}
        </Notice>
      ) : null}
      <dl className="review" data-testid="review">
        <dt>{t('review.service')}</dt>
        <dd>{localized(service.name, locale)}</dd>
        <dt>{t('review.office')}</dt>
        <dd>
          {officeName(office, locale)}{' '}
          <button type="button" className="link" onClick={() => send({ type: 'step.edit', step: 'office' })}>
            {t('citizen:review.edit')}
          </button>
        </dd>
      </dl>
      <h2>{t('citizen:identity.title')}</h2>
      <dl className="review">
        {identity.map((spec) => {
          const key = spec.path.slice('identity.'.length) as IdentityKey;
          return (
            <div key={spec.path} className="review__row">
              <dt>{spec.label}</dt>
              <dd dir={isLeftToRightValue(spec.kind) ? 'ltr' : 'auto'}>{shown(spec.kind, journey.draft.identity[key])}</dd>
            </div>
          );
        })}
      </dl>
      <button type="button" className="secondary" onClick={() => send({ type: 'step.edit', step: 'identity' })}>
        {t('citizen:review.editField', { field: t('citizen:identity.title') })}
      </button>
      {fields.length > 0 ? (
        <>
          <h2>{t('citizen:fields.title')}</h2>
          <dl className="review">
            {fields.map((spec) => {
              const raw = journey.draft.fields[spec.path.slice('fields.'.length)];
              const option = spec.options?.find((each) => each.value === raw);
              return (
                <div key={spec.path} className="review__row">
                  <dt>{spec.label}</dt>
                  <dd dir={isLeftToRightValue(spec.kind) ? 'ltr' : 'auto'}>{option ? option.label : shown(spec.kind, raw)}</dd>
                </div>
              );
            })}
          </dl>
          <button type="button" className="secondary" onClick={() => send({ type: 'step.edit', step: 'fields' })}>
            {t('citizen:review.editField', { field: t('citizen:fields.title') })}
          </button>
        </>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" data-testid="review-send" onClick={() => send({ type: 'save.start' })}>
          {t('review.send')}
        </button>
        <button type="button" className="secondary" onClick={() => send({ type: 'step.back', service })}>
          {t('common:actions.back')}
        </button>
      </div>
    </section>
  );
}
