import { createContext, useContext } from 'react';
import type { Locale } from '../../../src/domain/locales';
import type { ShubbakDb } from '../../../src/storage/db';
import type { PortalApi } from '../api/portalApi';
import type { StoredSession } from '../storage/sessionStore';
import type { PortalSync, PortalSyncStatus } from '../sync/portalSync';
import type { PortalRoute } from './route';

/** What every screen of the portal may use: the platform services, passed in once by the shell. */
export interface PortalServices {
  /** The outbox database; null until its code is loaded (after the first screen). */
  db: ShubbakDb | null;
  api: PortalApi;
  locale: Locale;
  changeLocale(locale: Locale): void;
  session: StoredSession | null;
  /** Keeps the session (login) or forgets it (logout, account deleted, token refused). */
  setSession(session: StoredSession | null): void;
  navigate(route: PortalRoute): void;
  /** Started after the first screen is shown (its code is not on the first page's path). */
  sync: PortalSync | null;
  syncStatus: PortalSyncStatus | null;
}

export const PortalContext = createContext<PortalServices | null>(null);

/** For the screens of a logged-in citizen, drawn only once the database is open (PortalApp). */
export function usePortalDb(): ShubbakDb {
  const { db } = usePortal();
  if (!db) throw new Error('usePortalDb before the database is open');
  return db;
}

export function usePortal(): PortalServices {
  const services = useContext(PortalContext);
  if (!services) throw new Error('usePortal outside PortalContext');
  return services;
}
