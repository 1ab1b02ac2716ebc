import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionBar } from '../components/ActionBar';
import { ScreenFrame } from '../components/ScreenFrame';
import { serviceFieldSpecs } from '../form/fieldSpec';
import { FormStep } from '../form/FormStep';
import { useLocale, useSelectedService, useSend, useSessionValue } from '../session/hooks';

/** The service's own questions, as its catalogue entry describes them. */
export function FieldsScreen() {
  const { t } = useTranslation('citizen');
  const send = useSend();
  const locale = useLocale();
  const service = useSelectedService();
  const fields = useSessionValue((context) => context.draft?.fields);
  const errors = useSessionValue((context) => context.errors);
  const focusPath = useSessionValue((context) => context.focusPath);
  const specs = useMemo(() => serviceFieldSpecs(service?.fields ?? [], locale), [service, locale]);
  const values = useMemo(() => Object.fromEntries(Object.entries(fields ?? {}).map(([key, value]) => [`fields.${key}`, value])), [fields]);
  const next = () => send({ type: 'flow.next' });
  return (
    <ScreenFrame name="fields" title={t('fields.title')} actions={<ActionBar onNext={next} />}>
      <FormStep
        specs={specs}
        values={values}
        errors={errors}
        locale={locale}
        focusPath={focusPath}
        onChange={(path, value) => send({ type: 'field.change', path, value })}
        onSubmit={next}
      />
    </ScreenFrame>
  );
}
