import { useEffect, useState, type ComponentType } from 'react';
import type { ScreenName } from './session/currentScreen';
import { AttractScreen } from './screens/AttractScreen';
import { HomeScreen } from './screens/HomeScreen';
// Type only: the later screens' code stays out of the start-up bundle.
import type { LaterScreenName } from './screens/laterScreens';

type LaterScreens = Record<LaterScreenName, ComponentType>;

/** The attract screen and the first tap's answer are in the start-up bundle; the steps after them come in one chunk. */
const FIRST_SCREENS: Record<Exclude<ScreenName, LaterScreenName>, ComponentType> = {
  attract: AttractScreen,
  home: HomeScreen,
};

let laterScreens: LaterScreens | null = null;
let loadingLaterScreens: Promise<LaterScreens> | null = null;

/**
 * Fetches the later screens' chunk once (src/app/warmOfflineChunks.ts does it right after the
 * first paint, long before a citizen reaches the second screen); a failed fetch is tried again on
 * the next call.
 */
export function loadLaterScreens(): Promise<LaterScreens> {
  loadingLaterScreens ??= import('./screens/laterScreens').then(
    ({ LATER_SCREENS }) => (laterScreens = LATER_SCREENS),
    (error: unknown) => {
      loadingLaterScreens = null;
      throw error;
    },
  );
  return loadingLaterScreens;
}

function isFirstScreen(screen: ScreenName): screen is keyof typeof FIRST_SCREENS {
  return screen in FIRST_SCREENS;
}

/** The later screens once loaded; until then (only if a citizen outruns the warm-up) null, and it asks for them. */
function useLaterScreens(needed: boolean): LaterScreens | null {
  const [screens, setScreens] = useState(laterScreens);
  useEffect(() => {
    if (screens || !needed) return;
    let live = true;
    loadLaterScreens().then(
      (loaded) => {
        if (live) setScreens(loaded);
      },
      (error: unknown) => console.error('the citizen screens failed to load', error),
    );
    return () => {
      live = false;
    };
  }, [screens, needed]);
  return screens ?? laterScreens;
}

/** Keyed by screen, so leaving a screen unmounts it and drops whatever it held (QR image, focus, keyboard state). */
export function ScreenRouter({ screen }: { screen: ScreenName }) {
  const later = useLaterScreens(!isFirstScreen(screen));
  const Screen = isFirstScreen(screen) ? FIRST_SCREENS[screen] : later?.[screen];
  return Screen ? <Screen key={screen} /> : null;
}
