import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpConsoleApi } from './api/httpConsoleApi';
import { ConsoleApp } from './app/ConsoleApp';
import { createConsoleI18n, isConsoleLocale, type ConsoleLocale } from './i18n/consoleI18n';
import './styles/console.css';

const LOCALE_KEY = 'shubbak.console.locale';

/** The language chosen last on this PC, else the browser's, else French (the administration's working language). */
function startLocale(): ConsoleLocale {
  const saved = localStorage.getItem(LOCALE_KEY);
  if (isConsoleLocale(saved)) return saved;
  const browser = navigator.language.slice(0, 2);
  return isConsoleLocale(browser) ? browser : 'fr';
}

const locale = startLocale();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleApp api={createHttpConsoleApi()} i18n={createConsoleI18n(locale)} locale={locale} saveLocale={(chosen) => localStorage.setItem(LOCALE_KEY, chosen)} />
  </StrictMode>,
);
