import { useTranslation } from 'react-i18next';
import { LOCALES, directionOf } from '../../../src/domain/localeCodes';
import { usePortal } from '../app/portalContext';

/** The first screen of a first visit, and the language menu later: each language named in itself. */
export function LanguageScreen({ onChosen }: { onChosen: () => void }) {
  const { t } = useTranslation(['portal', 'common']);
  const { changeLocale, navigate, locale } = usePortal();
  return (
    <main className="screen screen--language">
      <img className="brand" src={`${import.meta.env.BASE_URL}icons/icon.svg`} alt="" width={72} height={72} />
      <h1 className="screen-title">{t('appName')}</h1>
      <p className="tagline">{t('tagline')}</p>
      <ul className="choices" role="list" aria-label={t('common:languages.label')}>
        {LOCALES.map((each) => (
          <li key={each}>
            <button
              type="button"
              className="choice"
              lang={each}
              dir={directionOf(each)}
              aria-pressed={each === locale}
              data-testid={`language-${each}`}
              onClick={() => {
                changeLocale(each);
                onChosen();
                navigate({ name: 'home' });
              }}
            >
              {t(`common:languages.${each}`)}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
