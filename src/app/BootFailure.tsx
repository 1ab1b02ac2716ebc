import { LOCALES, directionOf } from '../domain/locales';
import { createI18n } from '../i18n/createI18n';

/** When start-up fails the citizen's language is unknown: the message is shown in every language. */
export function BootFailure() {
  const i18n = createI18n('fr');
  return (
    <main className="kiosk boot-failure" role="alert" data-testid="boot-failure">
      {LOCALES.map((locale) => (
        <p key={locale} lang={locale} dir={directionOf(locale)}>
          {i18n.t('common:bootFailed', { lng: locale })}
        </p>
      ))}
    </main>
  );
}
