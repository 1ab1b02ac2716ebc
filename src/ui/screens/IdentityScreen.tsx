import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionBar } from '../components/ActionBar';
import { ScreenFrame } from '../components/ScreenFrame';
import { identitySpecs } from '../form/fieldSpec';
import { FormStep } from '../form/FormStep';
import { useLocale, useSend, useSessionValue } from '../session/hooks';

export function IdentityScreen() {
  const { t } = useTranslation('citizen');
  const send = useSend();
  const locale = useLocale();
  const identity = useSessionValue((context) => context.draft?.identity);
  const errors = useSessionValue((context) => context.errors);
  const focusPath = useSessionValue((context) => context.focusPath);
  const specs = useMemo(
    () => identitySpecs((key) => t(`identity.${key}`), (key) => (key === 'phone' ? t('identity.phoneHint') : key === 'dateOfBirth' ? t('date.format') : undefined)),
    [t],
  );
  const values = useMemo(() => Object.fromEntries(Object.entries(identity ?? {}).map(([key, value]) => [`identity.${key}`, value])), [identity]);
  const next = () => send({ type: 'flow.next' });
  return (
    <ScreenFrame name="identity" title={t('identity.title')} actions={<ActionBar onNext={next} />}>
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
