import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { identitySpecs } from '../form/fieldSpec';
import { SessionFormStep } from '../form/SessionFormStep';
import { useMrzWedge, type MrzOutcome } from '../identity/useMrzWedge';

/** Who the citizen is: CIN, names in both scripts, date of birth, an optional mobile; or the card's MRZ read by the reader. */
export function IdentityScreen() {
  const { t } = useTranslation('citizen');
  const mrz = useMrzWedge();
  const specs = useMemo(
    () => identitySpecs((key) => t(`identity.${key}`), (key) => (key === 'phone' ? t('identity.phoneHint') : key === 'dateOfBirth' ? t('date.format') : undefined)),
    [t],
  );
  return <SessionFormStep part="identity" title={t('identity.title')} specs={specs} notice={mrz ? <MrzNotice outcome={mrz} /> : null} />;
}

function MrzNotice({ outcome }: { outcome: MrzOutcome }) {
  const { t } = useTranslation('reading');
  const failed = outcome === 'unreadable';
  return (
    <p className={failed ? 'notice notice--error' : 'notice notice--important'} role={failed ? 'alert' : 'status'} data-testid="mrz-notice" data-outcome={outcome}>
      {t(`mrz.${outcome}`)}
    </p>
  );
}
