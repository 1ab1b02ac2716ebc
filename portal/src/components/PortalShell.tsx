import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortal } from '../app/portalContext';
import { routeHash, type PortalRoute } from '../app/route';

const NAV: Array<{ route: PortalRoute; key: 'newRequest' | 'myRequests' | 'account' }> = [
  { route: { name: 'new' }, key: 'newRequest' },
  { route: { name: 'requests' }, key: 'myRequests' },
  { route: { name: 'account' }, key: 'account' },
];

/** Header, outbox banner and the main menu around a logged-in citizen's screens. */
export function PortalShell({ route, children }: { route: PortalRoute; children: ReactNode }) {
  const { t } = useTranslation(['portal', 'common']);
  const { syncStatus, locale } = usePortal();
  const current = route.name === 'home' ? 'new' : route.name;
  return (
    <div className="shell">
      <header className="shell__header">
        <span className="shell__name">{t('appName')}</span>
        <a className="shell__language" href={routeHash({ name: 'language' })} data-testid="change-language">
          <span className="visually-hidden">{t('common:languages.label')}: </span>
          {t(`common:languages.${locale}`)}
        </a>
      </header>
      <OutboxBanner pendingCount={syncStatus?.pendingCount ?? 0} needsLogin={syncStatus?.needsLogin ?? false} />
      <main className="shell__main">{children}</main>
      <nav className="shell__nav" aria-label={t('nav.label')}>
        {NAV.map(({ route: target, key }) => (
          <a key={key} href={routeHash(target)} aria-current={current === target.name ? 'page' : undefined} data-testid={`nav-${target.name}`}>
            {t(`nav.${key}`)}
          </a>
        ))}
      </nav>
    </div>
  );
}

function OutboxBanner({ pendingCount, needsLogin }: { pendingCount: number; needsLogin: boolean }) {
  const { t } = useTranslation('portal');
  if (pendingCount === 0) return null;
  return (
    <p className="outbox-banner" role="status" data-testid="outbox-banner" data-pending={pendingCount}>
      {needsLogin ? t('outbox.needsLogin', { count: pendingCount }) : t('outbox.waiting', { count: pendingCount })}
    </p>
  );
}
