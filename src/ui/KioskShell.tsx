import { useEffect } from 'react';
import { directionOf } from '../domain/locales';
import { AudioGuideProvider } from './audio/AudioGuide';
import { KioskHeader } from './KioskHeader';
import { CancelDialog } from './overlays/CancelDialog';
import { HelpNotice } from './overlays/HelpNotice';
import { StillThereDialog } from './overlays/StillThereDialog';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { ScreenRouter } from './ScreenRouter';
import { canCancel, type Overlays, type ScreenName } from './session/currentScreen';
import { useSessionView } from './session/sessionPort';
import { useSend, useSessionValue } from './session/hooks';
import { useI18nInstance } from './i18nInstance';
import { useLanguageFollowsSession } from './session/languageFollowsSession';

/** The citizen's kiosk: language and direction, display choices, inactivity tracking, the screen and its overlays. */
export function KioskShell() {
  const i18n = useI18nInstance();
  const send = useSend();
  const screen = useSessionView(screenOf);
  const overlays = useSessionView(overlaysOf, sameOverlays);
  const locale = useSessionValue((context) => context.locale);
  const highContrast = useSessionValue((context) => context.highContrast);
  const largeText = useSessionValue((context) => context.largeText);

  useLanguageFollowsSession(i18n);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
    document.title = i18n.t('common:appName');
  }, [i18n, locale]);

  const activity = () => send({ type: 'user.activity' });
  const classes = ['kiosk', highContrast ? 'kiosk--contrast' : '', largeText ? 'kiosk--large-text' : ''].filter(Boolean).join(' ');
  return (
    <div
      className={classes}
      lang={locale}
      dir={directionOf(locale)}
      data-testid="kiosk"
      data-screen={screen}
      onPointerDownCapture={activity}
      onKeyDownCapture={activity}
      onContextMenu={(event) => event.preventDefault()}
    >
      <AudioGuideProvider screen={screen}>
        <KioskHeader showLanguages={screen !== 'attract'} showCancel={canCancel(screen)} />
        {overlays.help ? <HelpNotice /> : null}
        <main className="kiosk__main">
          <ScreenErrorBoundary key={screen} onRestart={() => send({ type: 'session.reset' })}>
            <ScreenRouter screen={screen} />
          </ScreenErrorBoundary>
        </main>
        {overlays.cancelConfirm ? <CancelDialog /> : null}
        {overlays.stillThere ? <StillThereDialog /> : null}
      </AudioGuideProvider>
    </div>
  );
}

const screenOf = (view: { screen: ScreenName }) => view.screen;
const overlaysOf = (view: { overlays: Overlays }) => view.overlays;
const sameOverlays = (a: Overlays, b: Overlays) => a.stillThere === b.stillThere && a.cancelConfirm === b.cancelConfirm && a.help === b.help;
