import { useTranslation } from 'react-i18next';
import { directionOf } from '../../domain/locales';
import { useKioskServices } from '../services';
import { useLocale, useSend } from '../session/hooks';
import { Pictogram } from './Pictogram';
import { TouchButton } from './TouchButton';

/** Each language is named in its own script and marked with its own lang, so it reads (and is read aloud) correctly. */
export function LanguageChoice({ large = false, onChosen }: { large?: boolean; onChosen?: () => void }) {
  const { t } = useTranslation('common');
  const { settings } = useKioskServices();
  const locale = useLocale();
  const send = useSend();
  return (
    <div className={large ? 'language-choice language-choice--large' : 'language-choice'} role="group" aria-label={t('languages.label')}>
      {settings.enabledLocales.map((language) => (
        <TouchButton
          key={language}
          variant={language === locale ? 'primary' : 'secondary'}
          aria-pressed={language === locale}
          lang={language}
          dir={directionOf(language)}
          testId={`language-${language}`}
          prompt={`language.${language}`}
          onClick={() => {
            send({ type: 'locale.change', locale: language });
            onChosen?.();
          }}
        >
          <Pictogram name="speak" size={large ? 48 : 32} />
          {t(`languages.${language}`)}
        </TouchButton>
      ))}
    </div>
  );
}
