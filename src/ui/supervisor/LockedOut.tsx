import { useTranslation } from 'react-i18next';
import { remainingLockoutMs, type LockoutState } from '../../machines/supervisor/lockout';
import { formatDuration } from './format';
import { useNow } from './useNow';

export function LockedOut({ lockout, now }: { lockout: LockoutState; now: () => number }) {
  const { t, i18n } = useTranslation('supervisor');
  const time = useNow(now);
  const remaining = Math.max(1_000, remainingLockoutMs(lockout, time));
  return (
    <section className="sv-pin-screen" role="alert">
      <h2>{t('lockout.title')}</h2>
      <p>{t('lockout.body', { failures: lockout.failures, wait: formatDuration(remaining, i18n.language) })}</p>
    </section>
  );
}
