import { render } from '@testing-library/react';
import type { ConsoleApi } from '../../backoffice/console/src/api/consoleApi';
import { ConsoleApp } from '../../backoffice/console/src/app/ConsoleApp';
import { createConsoleI18n, type ConsoleLocale } from '../../backoffice/console/src/i18n/consoleI18n';

/** The whole console on a fake API, at the page the hash names. */
export function renderConsole(api: ConsoleApi, options: { locale?: ConsoleLocale; hash?: string } = {}) {
  window.location.hash = options.hash ?? '#/queues';
  const locale = options.locale ?? 'en';
  return render(<ConsoleApp api={api} i18n={createConsoleI18n(locale)} locale={locale} />);
}
