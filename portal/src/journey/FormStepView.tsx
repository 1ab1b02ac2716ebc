import type { Dispatch, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../src/domain/catalogue';
import type { IdentityKey } from '../../../src/domain/identity';
import { identitySpecs, serviceFieldSpecs } from '../../../src/ui/form/fieldSpec';
import { usePortal } from '../app/portalContext';
import { PortalField } from '../components/PortalField';
import { ScreenTitle } from '../components/ScreenTitle';
import type { JourneyEvent, JourneyState } from './journeyState';

const HINTED: ReadonlySet<IdentityKey> = new Set(['phone']);

/** Identity, then the service's own fields: the kiosk's labels and checks, the phone's keyboard. */
export function FormStepView({ journey, service, send }: { journey: JourneyState; service: Service; send: Dispatch<JourneyEvent> }) {
  const { t } = useTranslation(['portal', 'citizen', 'validation', 'common']);
  const { locale } = usePortal();
  const identityStep = journey.step === 'identity';
  const specs = identityStep
    ? identitySpecs(
        (key) => t(`citizen:identity.${key}`),
        (key) => (HINTED.has(key) ? t('citizen:identity.phoneHint') : undefined),
      )
    : serviceFieldSpecs(service.fields, locale);
  const errorCount = Object.keys(journey.errors).length;

  function submit(event: FormEvent) {
    event.preventDefault();
    send({ type: 'step.next', service, today: new Date().toISOString().slice(0, 10) });
  }

  return (
    <section className="screen">
      <ScreenTitle>{identityStep ? t('citizen:identity.title') : t('citizen:fields.title')}</ScreenTitle>
      <form className="form" onSubmit={submit} noValidate>
        {errorCount > 0 ? (
          <p className="notice notice--error" role="alert" data-testid="form-errors">
            {t('form.fixErrors', { count: errorCount })}
          </p>
        ) : null}
        {specs.map((spec) => {
          const [group, key] = spec.path.split('.') as ['identity' | 'fields', string];
          const code = journey.errors[spec.path];
          const value = (group === 'identity' ? journey.draft.identity[key as IdentityKey] : journey.draft.fields[key]) ?? '';
          return (
            <PortalField
              key={spec.path}
              spec={spec}
              value={value}
              error={code ? t(`validation:validation.${code}`, { max: spec.maxLength }) : undefined}
              onInput={(next) => send({ type: 'field.input', path: spec.path, value: next })}
            />
          );
        })}
        <div className="actions">
          <button type="submit" className="primary" data-testid="form-next">
            {t('common:actions.next')}
          </button>
          <button type="button" className="secondary" onClick={() => send({ type: 'step.back', service })}>
            {t('common:actions.back')}
          </button>
        </div>
      </form>
    </section>
  );
}
