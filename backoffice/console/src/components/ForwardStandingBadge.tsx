import { useTranslation } from 'react-i18next';
import type { ForwardStanding } from '../../../../src/domain/routing';

/** Where a forward stands (queued, sent, answered, overdue), as a word and not only a colour. */
export function ForwardStandingBadge({ standing }: { standing: ForwardStanding }) {
  const { t } = useTranslation('console');
  return (
    <span className={`badge forward-${standing}`} data-testid="forward-standing" data-standing={standing}>
      {t(`forwards.standing.${standing}`)}
    </span>
  );
}
