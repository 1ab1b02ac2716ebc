import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../../../src/domain/console/roles';
import type { MeResponse } from '../../../../src/domain/console/session';
import type { ConsoleApi } from '../api/consoleApi';
import { ConsoleHeader } from '../components/ConsoleHeader';
import type { ConsoleLocale } from '../i18n/consoleI18n';
import { CataloguePage } from '../pages/CataloguePage';
import { DirectoryPage } from '../pages/DirectoryPage';
import { FleetPage } from '../pages/FleetPage';
import { ForwardedPage } from '../pages/ForwardedPage';
import { QueuesPage } from '../pages/QueuesPage';
import { RequestPage } from '../pages/RequestPage';
import { StaffPage } from '../pages/StaffPage';
import { StatisticsPage } from '../pages/StatisticsPage';
import { ConsoleContext } from './ConsoleContext';
import type { Route } from './routes';
import { useHashRoute } from './useHashRoute';

interface OfficeFrameProps {
  api: ConsoleApi;
  me: MeResponse;
  locale: ConsoleLocale;
  onLocale(locale: ConsoleLocale): void;
  onSignedOut(): void;
}

/** The signed-in frame: the header, then the page the address's hash names, for the office chosen. */
export function OfficeFrame({ api, me, locale, onLocale, onSignedOut }: OfficeFrameProps) {
  const { t } = useTranslation('console');
  const route = useHashRoute();
  const [officeId, setOfficeId] = useState(me.offices[0]!.officeId);
  const office = me.offices.find((candidate) => candidate.officeId === officeId) ?? me.offices[0]!;

  return (
    <ConsoleContext.Provider value={{ api, me, office, locale }}>
      <a className="skip-link" href="#main">
        {t('frame.skipToContent')}
      </a>
      <ConsoleHeader route={route} onOffice={setOfficeId} onLocale={onLocale} onSignedOut={onSignedOut} />
      {/* Keyed by office: switching office starts every page afresh, with nothing of the other office kept. */}
      <main id="main" tabIndex={-1} key={office.officeId} data-testid="console-main">
        <Page route={route} canAdminister={roleAtLeast(office.role, 'admin')} />
      </main>
    </ConsoleContext.Provider>
  );
}

function Page({ route, canAdminister }: { route: Route; canAdminister: boolean }) {
  switch (route.page) {
    case 'queues':
      return <QueuesPage />;
    case 'request':
      return <RequestPage requestId={route.id} />;
    case 'fleet':
      return <FleetPage />;
    case 'statistics':
      return <StatisticsPage />;
    case 'staff':
      return canAdminister ? <StaffPage /> : <QueuesPage />;
    case 'catalogue':
      return canAdminister ? <CataloguePage /> : <QueuesPage />;
    case 'forwarded':
      return <ForwardedPage />;
    case 'directory':
      return canAdminister ? <DirectoryPage /> : <QueuesPage />;
  }
}
