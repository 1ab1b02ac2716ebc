import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { identitySpecs } from '../form/fieldSpec';
import { SessionFormStep } from '../form/SessionFormStep';

/** Who the citizen is: CIN, names in both scripts, date of birth, an optional mobile. */
export function IdentityScreen() {
  const { t } = useTranslation('citizen');
  const specs = useMemo(
    () => identitySpecs((key) => t(`identity.${key}`), (key) => (key === 'phone' ? t('identity.phoneHint') : key === 'dateOfBirth' ? t('date.format') : undefined)),
    [t],
  );
  return <SessionFormStep part="identity" title={t('identity.title')} specs={specs} />;
}
