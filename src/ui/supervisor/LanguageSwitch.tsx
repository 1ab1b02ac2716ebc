import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../domain/locales';

/** Staff may read the supervisor screens in their own language; the citizen session was reset anyway. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('supervisor');
  return (
    <div className="sv-languages" role="group" aria-label={t('language')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          className="sv-button sv-button-small"
          lang={locale}
          aria-pressed={i18n.language === locale}
          onClick={() => void i18n.changeLanguage(locale)}
        >
          {t(`languages.${locale}`)}
        </button>
      ))}
    </div>
  );
}
