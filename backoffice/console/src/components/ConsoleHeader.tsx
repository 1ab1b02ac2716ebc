import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../../../src/domain/console/roles';
import { useConsole } from '../app/ConsoleContext';
import { hrefOf, type PageName, type Route } from '../app/routes';
import type { ConsoleLocale } from '../i18n/consoleI18n';
import { LanguagePicker } from './LanguagePicker';

interface ConsoleHeaderProps {
  route: Route;
  onOffice(officeId: string): void;
  onLocale(locale: ConsoleLocale): void;
  onSignedOut(): void;
}

const NAVIGATION: Array<{ page: Exclude<PageName, 'request'>; adminOnly: boolean }> = [
  { page: 'queues', adminOnly: false },
  { page: 'forwarded', adminOnly: false },
  { page: 'fleet', adminOnly: false },
  { page: 'statistics', adminOnly: false },
  { page: 'staff', adminOnly: true },
  { page: 'catalogue', adminOnly: true },
  { page: 'directory', adminOnly: true },
];

/** The bar above every page: the office (and the switch to another), the pages, the language, sign-out. */
export function ConsoleHeader({ route, onOffice, onLocale, onSignedOut }: ConsoleHeaderProps) {
  const { t } = useTranslation('console');
  const { api, me, office, locale } = useConsole();
  const current: PageName = route.page === 'request' ? 'queues' : route.page;
  const switchOffice = (officeId: string) => {
    onOffice(officeId);
    window.location.hash = hrefOf({ page: 'queues' });
  };

  return (
    <header className="console-header">
      <div className="brand">
        <span className="brand-name">{t('frame.title')}</span>
        {me.offices.length > 1 ? (
          <label className="office-switcher">
            <span>{t('frame.office')}</span>
            <select data-testid="office-switcher" value={office.officeId} onChange={(event) => switchOffice(event.target.value)}>
              {me.offices.map((candidate) => (
                <option key={candidate.officeId} value={candidate.officeId}>
                  {candidate.officeName}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="office-name" data-testid="office-name">
            {office.officeName}
          </span>
        )}
      </div>
      <nav aria-label={t('frame.navigation')}>
        <ul>
          {NAVIGATION.filter((item) => !item.adminOnly || roleAtLeast(office.role, 'admin')).map((item) => (
            <li key={item.page}>
              <a href={hrefOf({ page: item.page })} aria-current={current === item.page ? 'page' : undefined} data-testid={`nav-${item.page}`}>
                {t(`nav.${item.page}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="who">
        <LanguagePicker locale={locale} onLocale={onLocale} />
        <span data-testid="signed-in-as">
          {me.staff.name} · {t(`roles.${office.role}`)}
        </span>
        <button type="button" data-testid="sign-out" onClick={() => void api.logout().finally(onSignedOut)}>
          {t('frame.signOut')}
        </button>
      </div>
    </header>
  );
}
