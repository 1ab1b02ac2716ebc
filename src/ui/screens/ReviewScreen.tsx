import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/locales';
import { formatDate, localized } from '../../i18n/format';
import { draftValue } from '../../machines/session/draft';
import { ActionBar } from '../components/ActionBar';
import { Pictogram } from '../components/Pictogram';
import { ScreenFrame } from '../components/ScreenFrame';
import { TouchButton } from '../components/TouchButton';
import { identitySpecs, serviceFieldSpecs, type FieldSpec } from '../form/fieldSpec';
import { useLocale, useSelectedService, useSend, useSessionValue } from '../session/hooks';

function shownValue(spec: FieldSpec, raw: string, locale: Locale): string {
  if (spec.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return formatDate(raw, locale);
  if (spec.kind === 'select') return spec.options?.find((option) => option.value === raw)?.label ?? raw;
  return raw;
}

/** Every answer on one page, each with its own "change" button that returns here afterwards. */
export function ReviewScreen() {
  const { t } = useTranslation(['citizen', 'common']);
  const send = useSend();
  const locale = useLocale();
  const service = useSelectedService();
  const draft = useSessionValue((context) => context.draft);
  const specs = useMemo(
    () => [...identitySpecs((key) => t(`identity.${key}`), () => undefined), ...serviceFieldSpecs(service?.fields ?? [], locale)],
    [t, service, locale],
  );
  if (!draft || !service) return null;
  return (
    <ScreenFrame
      name="review"
      title={t('review.title')}
      actions={<ActionBar onNext={() => send({ type: 'flow.next' })} nextLabel={t('review.confirm')} nextPrompt="choice.confirm" />}
    >
      <dl className="review">
        <div className="review__row">
          <dt>{t('review.service')}</dt>
          <dd>{localized(service.name, locale)}</dd>
        </div>
        {specs.map((spec) => {
          const raw = draftValue(draft, spec.path).trim();
          return (
            <div className="review__row" key={spec.path}>
              <dt>{spec.label}</dt>
              <dd>
                <span className="review__value" data-testid={`review-${spec.path}`}>
                  {raw ? <bdi dir={spec.kind === 'date' ? undefined : 'auto'}>{shownValue(spec, raw, locale)}</bdi> : <span className="review__empty">{t('common:form.notGiven')}</span>}
                </span>
                <TouchButton
                  variant="quiet"
                  testId={`edit-${spec.path}`}
                  aria-label={t('review.editField', { field: spec.label })}
                  prompt="choice.edit"
                  choiceKey={`edit:${spec.path}`}
                  onClick={() => send({ type: 'review.edit', path: spec.path })}
                >
                  <Pictogram name="pen" size={24} />
                  {t('review.edit')}
                </TouchButton>
              </dd>
            </div>
          );
        })}
      </dl>
    </ScreenFrame>
  );
}
