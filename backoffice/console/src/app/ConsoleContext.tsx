import { createContext, useContext } from 'react';
import type { OfficeRole, MeResponse } from '../../../../src/domain/console/session';
import type { ConsoleApi } from '../api/consoleApi';
import type { ConsoleLocale } from '../i18n/consoleI18n';

/** What every signed-in page reads: the API, who is signed in, in which office, in which language. */
export interface ConsoleContextValue {
  api: ConsoleApi;
  me: MeResponse;
  /** The office the pages show, with the viewer's role there. */
  office: OfficeRole;
  locale: ConsoleLocale;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside of a signed-in console');
  return value;
}
