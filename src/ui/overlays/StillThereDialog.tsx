import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudioGuide } from '../audio/AudioGuide';
import { Dialog } from '../components/Dialog';
import { TouchButton } from '../components/TouchButton';
import { useSend, useSessionValue } from '../session/hooks';

/** The machine owns the timeout; this only shows the seconds left, counted from when it appeared. */
export function StillThereDialog() {
  const { t } = useTranslation('common');
  const send = useSend();
  const total = useSessionValue((context) => context.settings.idleCountdownSeconds);
  const [left, setLeft] = useState(total);
  const { speak } = useAudioGuide();
  // Said as it appears while guidance is on: a citizen who cannot read would otherwise lose the request in silence.
  useEffect(() => speak('notice.stillThere'), [speak]);
  useEffect(() => {
    const timer = setInterval(() => setLeft((seconds) => Math.max(0, seconds - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Dialog
      name="still-there"
      title={t('idle.title')}
      actions={
        <TouchButton testId="idle-continue" onClick={() => send({ type: 'idle.continue' })}>
          {t('idle.continue')}
        </TouchButton>
      }
    >
      <p aria-live="polite" data-testid="idle-countdown">
        {t('idle.countdown', { count: left })}
      </p>
    </Dialog>
  );
}
