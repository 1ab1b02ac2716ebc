import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceFieldSpecs } from '../form/fieldSpec';
import { SessionFormStep } from '../form/SessionFormStep';
import { useKioskServices } from '../services';
import { useLocale, useSelectedService } from '../session/hooks';

/** The service's own questions, as its catalogue entry describes them. */
export function FieldsScreen() {
  const { t } = useTranslation('citizen');
  const locale = useLocale();
  const service = useSelectedService();
  const specs = useMemo(() => serviceFieldSpecs(service?.fields ?? [], locale), [service, locale]);
  // The annex's streets as last pulled with its identity; none yet: the address is typed.
  const streets = useKioskServices().officeIdentity?.streets;
  return <SessionFormStep part="fields" title={t('fields.title')} specs={specs} streets={streets} />;
}
