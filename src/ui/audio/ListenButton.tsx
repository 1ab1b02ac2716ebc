import { useTranslation } from 'react-i18next';
import { Pictogram } from '../components/Pictogram';
import { TouchButton } from '../components/TouchButton';
import { useSend, useSessionValue } from '../session/hooks';

/** The large "listen" button of the attract and home screens: spoken guidance on (or off) for this session. */
export function ListenButton() {
  const { t } = useTranslation('audio');
  const send = useSend();
  const listening = useSessionValue((context) => context.listening);
  return (
    <TouchButton
      className="listen-button"
      variant={listening ? 'primary' : 'secondary'}
      aria-pressed={listening}
      testId="listen"
      onClick={() => send({ type: 'listen.toggle' })}
    >
      <Pictogram name="listen" size={72} />
      <span>{listening ? t('listenOn') : t('listen')}</span>
    </TouchButton>
  );
}

/** On every screen while guidance is on: hear the screen's prompt again. */
export function ReplayButton({ onReplay }: { onReplay(): void }) {
  const { t } = useTranslation('audio');
  return (
    <TouchButton variant="quiet" className="header-tool replay-button" testId="replay" onClick={onReplay}>
      <Pictogram name="replay" size={32} />
      <span className="header-tool__label">{t('replay')}</span>
    </TouchButton>
  );
}
