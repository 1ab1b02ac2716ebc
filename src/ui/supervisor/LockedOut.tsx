import { useSupervisorTranslation } from './supervisorLanguage';
import { remainingLockoutMs, type LockoutState } from '../../machines/supervisor/lockout';
import { formatDuration } from './format';
import { useNow } from './useNow';

export function LockedOut({ lockout, now }: { lockout: LockoutState; now: () => number }) {
  const { t, language } = useSupervisorTranslation();
  const time = useNow(now);
  const remaining = Math.max(1_000, remainingLockoutMs(lockout, time));
  return (
    <section className="sv-pin-screen" role="alert">
      <h2>{t('lockout.title')}</h2>
      <p>{t('lockout.body', { failures: lockout.failures, wait: formatDuration(remaining, language) })}</p>
    </section>
  );
}
