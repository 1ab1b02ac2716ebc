import { useTranslation } from 'react-i18next';
import { ListenButton } from '../audio/ListenButton';
import { ActionBar } from '../components/ActionBar';
import { Pictogram } from '../components/Pictogram';
import { ScreenFrame } from '../components/ScreenFrame';
import { TouchButton } from '../components/TouchButton';
import { useSend } from '../session/hooks';

export function HomeScreen() {
  const { t } = useTranslation('citizen');
  const send = useSend();
  return (
    <ScreenFrame name="home" title={t('home.title')} actions={<ActionBar />}>
      <div className="tiles tiles--two">
        <TouchButton className="tile" testId="new-request" prompt="choice.newRequest" onClick={() => send({ type: 'home.newRequest' })}>
          <Pictogram name="new-request" />
          <span className="tile__name">{t('home.newRequest')}</span>
          <span className="tile__hint">{t('home.newRequestHint')}</span>
        </TouchButton>
        <TouchButton className="tile" variant="secondary" testId="check-status" prompt="choice.checkStatus" onClick={() => send({ type: 'home.checkStatus' })}>
          <Pictogram name="check-status" />
          <span className="tile__name">{t('home.checkStatus')}</span>
          <span className="tile__hint">{t('home.checkStatusHint')}</span>
        </TouchButton>
      </div>
      <ListenButton />
    </ScreenFrame>
  );
}
