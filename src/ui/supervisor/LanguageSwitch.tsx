import { LOCALES } from '../../domain/locales';
import { useSupervisorTranslation } from './supervisorLanguage';

/** Staff may read the supervisor screens in their own language; the citizen screens keep theirs. */
export function LanguageSwitch() {
  const { t, language, setLanguage } = useSupervisorTranslation();
  return (
    <div className="sv-languages" role="group" aria-label={t('language')}>
      {LOCALES.map((locale) => (
        <button key={locale} type="button" className="sv-button sv-button-small" lang={locale} aria-pressed={language === locale} onClick={() => setLanguage?.(locale)}>
          {t(`languages.${locale}`)}
        </button>
      ))}
    </div>
  );
}
