import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudioGuide } from './audio/AudioGuide';
import { ChooseButton } from './audio/ChooseButton';
import { ReplayButton } from './audio/ListenButton';
import { Pictogram } from './components/Pictogram';
import { TouchButton } from './components/TouchButton';
import { LanguageMenu } from './header/LanguageMenu';
import { OfficeIdentityMark } from './header/OfficeIdentityMark';
import { useSend, useSessionValue } from './session/hooks';

/**
 * One row on every screen, both ways up: the office, the spoken-guidance controls while they are
 * on, the language menu, the display toggles (pictograms, named for screen readers), the call
 * for help and, mid-request, cancel. Its size does not follow the large-text mode, so the row
 * never wraps; with guidance on in portrait, the tools keep only their pictograms (named for
 * screen readers) to make room for "listen again" and "choose". Memoised: a screen change re-renders the shell, not the header (whose props are
 * two flags that change only at the attract screen).
 */
export const KioskHeader = memo(function KioskHeader({ showLanguages, showCancel }: { showLanguages: boolean; showCancel: boolean }) {
  const { t } = useTranslation('common');
  const send = useSend();
  const highContrast = useSessionValue((context) => context.highContrast);
  const largeText = useSessionValue((context) => context.largeText);
  const guide = useAudioGuide();
  return (
    <header className={guide.listening ? 'kiosk-header kiosk-header--listening' : 'kiosk-header'}>
      <OfficeIdentityMark />
      <div className="kiosk-header__tools">
        {guide.armed ? <ChooseButton onChoose={guide.takeArmed} /> : null}
        {guide.listening ? <ReplayButton onReplay={guide.replay} /> : null}
        {showLanguages ? <LanguageMenu /> : null}
        <TouchButton variant="quiet" className="header-tool" aria-pressed={highContrast} aria-label={t('display.highContrast')} title={t('display.highContrast')} testId="toggle-contrast" onClick={() => send({ type: 'display.toggleContrast' })}>
          <Pictogram name="contrast" size={32} />
        </TouchButton>
        <TouchButton variant="quiet" className="header-tool" aria-pressed={largeText} aria-label={t('display.largeText')} title={t('display.largeText')} testId="toggle-large-text" onClick={() => send({ type: 'display.toggleLargeText' })}>
          <Pictogram name="text-size" size={32} />
        </TouchButton>
        <TouchButton variant="secondary" className="header-tool" testId="help" prompt="choice.help" onClick={() => send({ type: 'help.call' })}>
          <Pictogram name="help" size={28} />
          <span className="header-tool__label">{t('help.call')}</span>
        </TouchButton>
        {showCancel ? (
          <TouchButton variant="danger" className="header-tool" testId="cancel" prompt="choice.cancel" onClick={() => send({ type: 'cancel.request' })}>
            <Pictogram name="cancel" size={24} />
            <span className="header-tool__label">{t('actions.cancel')}</span>
          </TouchButton>
        ) : null}
      </div>
    </header>
  );
});
