import type { i18n } from 'i18next';
import { useEffect } from 'react';
import type { Locale } from '../../domain/locales';
import { useSessionPort } from './sessionPort';

/**
 * i18next follows the session's language from inside the event that changed it (the machine
 * tells its subscribers synchronously), so the screens render the new locale and its texts in
 * one commit. Switched from an effect after the commit, a tap on a language rendered every
 * component twice more (docs/performance.md, `npm run bench:ui:renders`). A language not loaded
 * yet switches when it arrives, as before.
 */
export function useLanguageFollowsSession(instance: i18n): void {
  const session = useSessionPort();
  useEffect(() => {
    let target: Locale | null = null;
    const follow = (locale: Locale) => {
      if (locale === target) return;
      target = locale;
      if (instance.language !== locale) void instance.changeLanguage(locale);
    };
    follow(session.getView().context.locale);
    return session.subscribe(() => follow(session.getView().context.locale));
  }, [session, instance]);
}
