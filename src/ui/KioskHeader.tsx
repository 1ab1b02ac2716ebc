import { useTranslation } from 'react-i18next';
import { useAudioGuide } from './audio/AudioGuide';
import { ChooseButton } from './audio/ChooseButton';
import { ReplayButton } from './audio/ListenButton';
import { LanguageChoice } from './components/LanguageChoice';
import { Pictogram } from './components/Pictogram';
import { TouchButton } from './components/TouchButton';
import { useKioskServices } from './services';
import { useSend, useSessionValue } from './session/hooks';

/**
 * On every screen: the office (a 3-second press there opens supervisor mode: decoration, not a
 * control), the languages, the display toggles, the call for help and, mid-request, cancel.
 */
export function KioskHeader({ showLanguages, showCancel }: { showLanguages: boolean; showCancel: boolean }) {
  const { t } = useTranslation('common');
  const send = useSend();
  const { settings } = useKioskServices();
  const highContrast = useSessionValue((context) => context.highContrast);
  const largeText = useSessionValue((context) => context.largeText);
  const guide = useAudioGuide();
  return (
    <header className="kiosk-header">
      <div className="kiosk-header__office" data-supervisor-gesture="" aria-hidden="true" data-testid="office-logo">
        <span className="kiosk-header__emblem" />
        <span className="kiosk-header__office-name" dir="auto">
          {settings.officeName}
        </span>
      </div>
      {showLanguages ? <LanguageChoice /> : null}
      <div className="kiosk-header__tools">
        {guide.armed ? <ChooseButton onChoose={guide.takeArmed} /> : null}
        {guide.listening ? <ReplayButton onReplay={guide.replay} /> : null}
        <TouchButton variant="quiet" aria-pressed={highContrast} testId="toggle-contrast" onClick={() => send({ type: 'display.toggleContrast' })}>
          {t('display.highContrast')}
        </TouchButton>
        <TouchButton variant="quiet" aria-pressed={largeText} testId="toggle-large-text" onClick={() => send({ type: 'display.toggleLargeText' })}>
          {t('display.largeText')}
        </TouchButton>
        <TouchButton variant="secondary" testId="help" prompt="choice.help" onClick={() => send({ type: 'help.call' })}>
          <Pictogram name="help" size={40} />
          {t('help.call')}
        </TouchButton>
        {showCancel ? (
          <TouchButton variant="danger" testId="cancel" prompt="choice.cancel" onClick={() => send({ type: 'cancel.request' })}>
            <Pictogram name="cancel" size={40} />
            {t('actions.cancel')}
          </TouchButton>
        ) : null}
      </div>
    </header>
  );
}
