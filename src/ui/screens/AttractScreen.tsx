import { useTranslation } from 'react-i18next';
import { ListenButton } from '../audio/ListenButton';
import { LanguageChoice } from '../components/LanguageChoice';
import { Pictogram } from '../components/Pictogram';
import { TouchButton } from '../components/TouchButton';
import { useSend } from '../session/hooks';

export function AttractScreen() {
  const { t } = useTranslation('citizen');
  const send = useSend();
  return (
    <section className="screen screen--attract" data-testid="screen-attract" aria-labelledby="attract-title">
      <h1 id="attract-title" className="attract__welcome">
        {t('attract.welcome')}
      </h1>
      <p className="attract__subtitle">{t('attract.subtitle')}</p>
      <ListenButton />
      <TouchButton className="attract__start" testId="start" prompt="choice.start" onClick={() => send({ type: 'session.start' })}>
        <Pictogram name="touch-start" size={64} />
        {t('attract.touchToStart')}
      </TouchButton>
      <h2 className="attract__languages-title">{t('attract.chooseLanguage')}</h2>
      <LanguageChoice large />
    </section>
  );
}
