import { createContext, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, type Locale } from '../../domain/locales';
import { asLocale } from './format';

interface SupervisorLanguage {
  language: Locale;
  setLanguage(language: Locale): void;
}

const SupervisorLanguageContext = createContext<SupervisorLanguage | null>(null);

/**
 * The supervisor reads the overlay in a language of their own, without touching the citizen
 * session's language (the session sets i18next's language for the screens beneath). It starts
 * in the kiosk's current language each time the overlay opens.
 */
export function SupervisorLanguageProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [language, setLanguage] = useState<Locale>(() => asLocale(i18n.language));
  return <SupervisorLanguageContext.Provider value={{ language, setLanguage }}>{children}</SupervisorLanguageContext.Provider>;
}

/** `t` of the `supervisor` namespace in the supervisor's language, with that language and its direction. */
export function useSupervisorTranslation() {
  const chosen = useContext(SupervisorLanguageContext);
  const { t, i18n } = useTranslation('supervisor', chosen ? { lng: chosen.language } : {});
  const language = chosen?.language ?? asLocale(i18n.language);
  return { t, language, dir: directionOf(language), setLanguage: chosen?.setLanguage };
}
