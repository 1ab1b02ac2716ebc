import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudioGuide } from '../audio/AudioGuide';
import { TouchButton } from '../components/TouchButton';
import { useSend } from '../session/hooks';

/** A visual signal for the staff and a reassurance for the citizen; it does not block the screen. */
export function HelpNotice() {
  const { t } = useTranslation('common');
  const send = useSend();
  const { speak } = useAudioGuide();
  // While guidance is on, the citizen hears that someone is coming, not only sees it.
  useEffect(() => speak('notice.helpComing'), [speak]);
  return (
    <div className="help-notice" role="status" data-testid="help-notice">
      <p className="help-notice__title">{t('help.coming')}</p>
      <p>{t('help.wait')}</p>
      <TouchButton variant="secondary" testId="help-dismiss" onClick={() => send({ type: 'help.dismiss' })}>
        {t('help.dismiss')}
      </TouchButton>
    </div>
  );
}
