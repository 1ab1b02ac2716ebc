import { useTranslation } from 'react-i18next';
import { CONSOLE_LOCALES, isConsoleLocale, type ConsoleLocale } from '../i18n/consoleI18n';

/** Each language named in itself, so anyone finds their own whatever is shown now. */
const NATIVE_NAMES: Record<ConsoleLocale, string> = { ar: 'العربية', fr: 'Français', en: 'English' };

export function LanguagePicker({ locale, onLocale }: { locale: ConsoleLocale; onLocale(locale: ConsoleLocale): void }) {
  const { t } = useTranslation('console');
  return (
    <label className="language-picker">
      <span className="visually-hidden">{t('frame.language')}</span>
      <select data-testid="language" value={locale} onChange={(event) => isConsoleLocale(event.target.value) && onLocale(event.target.value)}>
        {CONSOLE_LOCALES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {NATIVE_NAMES[lng]}
          </option>
        ))}
      </select>
    </label>
  );
}
