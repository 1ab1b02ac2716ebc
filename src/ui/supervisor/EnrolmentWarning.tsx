import { enrolmentMarkOf } from '../../sync/enrolmentMark';
import type { SupervisorServices } from '../../supervisor/types';
import { useSupervisorTranslation } from './supervisorLanguage';
import { useSyncStatus } from './useSyncStatus';

/** At the top of supervisor mode while the kiosk is not enrolled or refused: what it means and what to do. */
export function EnrolmentWarning({ services }: { services: SupervisorServices }) {
  const { t } = useSupervisorTranslation();
  const mark = enrolmentMarkOf(useSyncStatus(services));
  if (mark === null) return null;
  return (
    <p className="sv-error sv-enrolment-warning" role="alert" data-testid="sv-enrolment-warning" data-mark={mark}>
      {t(`enrolmentWarning.${mark}`)}
    </p>
  );
}
