import { useTranslation } from 'react-i18next';
import type { RemoteStatus } from '../../../../src/domain/status';

export function StatusBadge({ status }: { status: RemoteStatus }) {
  const { t } = useTranslation('console');
  return (
    <span className={`badge status-${status}`} data-testid="request-status" data-status={status}>
      {t(`statuses.${status}`)}
    </span>
  );
}
