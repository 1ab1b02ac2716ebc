import { useTranslation } from 'react-i18next';
import type { EnrolmentMark } from '../sync/enrolmentMark';

/**
 * A small mark in the attract screen's corner, for staff walking by: this kiosk is not enrolled,
 * or the back office refuses it, so its requests stay on the tablet until someone acts. The
 * citizen can still make a request; the words say so.
 */
export function EnrolmentCorner({ mark }: { mark: EnrolmentMark | null }) {
  const { t } = useTranslation('common');
  if (mark === null) return null;
  return (
    <p className="enrolment-corner" role="status" data-testid="enrolment-mark" data-mark={mark}>
      <span aria-hidden="true" className="enrolment-corner__icon">
        ⚠
      </span>
      {t(`enrolmentMark.${mark}`)}
    </p>
  );
}
