import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { directionOf, type Locale } from '../../../src/domain/localeCodes';
import type { ShubbakDb } from '../../../src/storage/db';
import type { PortalApi } from '../api/portalApi';
import { PortalShell } from '../components/PortalShell';
import { Loading } from '../components/Loading';
import { LanguageScreen } from '../screens/LanguageScreen';
import type { StoredSession } from '../storage/sessionStore';
import type { PortalSync, PortalSyncStatus } from '../sync/portalSync';
import { PortalContext, type PortalServices } from './portalContext';
import { loadLaterTexts, rememberLocale, switchLanguage } from './portalI18n';
import { parseRoute, routeHash, type PortalRoute } from './route';

// Every screen but the language screen is loaded on demand: the first page carries that one only.
// The login screen (with the API client) is fetched as soon as the first screen is up (below).
const loadLoginScreen = () => import('../screens/LoginScreen');
const LoginScreen = lazy(() => loadLoginScreen().then(({ LoginScreen: screen }) => ({ default: screen })));
const EmailLinkScreen = lazy(() => import('../screens/EmailLinkScreen').then(({ EmailLinkScreen: screen }) => ({ default: screen })));
const JourneyScreen = lazy(() => import('../journey/JourneyScreen'));
const MyRequestsScreen = lazy(() => import('../screens/MyRequestsScreen'));
const AccountScreen = lazy(() => import('../screens/AccountScreen'));

export interface PortalAppProps {
  i18n: I18n;
  api: PortalApi;
  session: StoredSession | null;
  /** On a first visit, the session read still under way when the first screen is drawn (null otherwise). */
  pendingSession?: Promise<StoredSession | null> | null;
  locale: Locale;
  firstVisit: boolean;
  tokenRef: { current: string | null };
}

/**
 * The portal's shell: language, session, route and the outbox's sync engine, handed to the
 * screens through PortalContext. Unlike the kiosk's shell it has no supervisor, no attract screen
 * and no idle wipe: the phone is the citizen's own.
 */
export function PortalApp({ i18n, api, session: initialSession, pendingSession = null, locale: initialLocale, firstVisit, tokenRef }: PortalAppProps) {
  const [locale, setLocale] = useState(initialLocale);
  const [session, setSessionState] = useState(initialSession);
  const [route, setRoute] = useState<PortalRoute>(() => parseRoute(location.hash));
  const [languageChosen, setLanguageChosen] = useState(!firstVisit);
  const [db, setDb] = useState<ShubbakDb | null>(null);
  const [sync, setSync] = useState<PortalSync | null>(null);
  const [syncStatus, setSyncStatus] = useState<PortalSyncStatus | null>(null);
  const [laterTextsLoaded, setLaterTextsLoaded] = useState(false);
  const [sessionKnown, setSessionKnown] = useState(pendingSession === null);

  // A first visit draws the language screen before the session read returns; the session, if
  // any, is applied then (a login made since wins), and the screens after the language screen wait for it.
  useEffect(() => {
    if (!pendingSession) return;
    let stopped = false;
    void pendingSession.then((stored) => {
      if (stopped) return;
      if (stored && tokenRef.current === null) {
        tokenRef.current = stored.token;
        setSessionState((current) => current ?? stored);
      }
      setSessionKnown(true);
    });
    return () => {
      stopped = true;
    };
  }, [pendingSession, tokenRef]);

  useEffect(() => {
    const onHashChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);

  // The other screens' texts and the login screen, fetched once the first screen is drawn: a
  // citizen who picks a language finds them there. Failing (offline, and not precached yet), the
  // screens wait on the loading line; the next visit, under the service worker, has them.
  useEffect(() => {
    let stopped = false;
    void loadLaterTexts(i18n).then(() => {
      if (!stopped) setLaterTextsLoaded(true);
    });
    if (!initialSession) void loadLoginScreen().catch(() => {});
    return () => {
      stopped = true;
    };
  }, [i18n, initialSession]);

  // The outbox's code (Dexie, xstate, the push pipeline) is not needed to draw the first screen:
  // it loads right after, and sends what an earlier visit left waiting.
  useEffect(() => {
    let stopped = false;
    let started: PortalSync | null = null;
    let unsubscribe = () => {};
    void Promise.all([import('../storage/portalDb'), import('../sync/portalSync')]).then(([{ openPortalDb }, { startPortalSync }]) => {
      if (stopped) return;
      const opened = openPortalDb();
      started = startPortalSync({ db: opened, origin: location.origin });
      unsubscribe = started.subscribe(setSyncStatus);
      setDb(opened);
      setSync(started);
    });
    return () => {
      stopped = true;
      unsubscribe();
      started?.stop();
    };
  }, []);

  const changeLocale = useCallback(
    (next: Locale) => {
      rememberLocale(next);
      void switchLanguage(i18n, next).then(() => setLocale(next));
    },
    [i18n],
  );

  const setSession = useCallback(
    (next: StoredSession | null) => {
      tokenRef.current = next?.token ?? null;
      setSessionState(next);
      if (next) sync?.loggedIn();
    },
    [sync, tokenRef],
  );

  const navigate = useCallback((next: PortalRoute) => {
    location.hash = routeHash(next);
  }, []);

  const services = useMemo<PortalServices>(
    () => ({ db, api, locale, changeLocale, session, setSession, navigate, sync, syncStatus }),
    [db, api, locale, changeLocale, session, setSession, navigate, sync, syncStatus],
  );

  return (
    <PortalContext.Provider value={services}>{screenFor(route, languageChosen, laterTextsLoaded && sessionKnown, session, db !== null, () => setLanguageChosen(true))}</PortalContext.Provider>
  );
}

function screenFor(route: PortalRoute, languageChosen: boolean, laterTextsLoaded: boolean, session: StoredSession | null, dbOpen: boolean, onLanguageChosen: () => void) {
  if (!languageChosen || route.name === 'language') return <LanguageScreen onChosen={onLanguageChosen} />;
  // Every other screen speaks with the later namespaces (validation messages, statuses, refusal
  // reasons), and needs to know whether someone is logged in.
  if (!laterTextsLoaded) return <Loading />;
  if (route.name === 'emailLink' || !session)
    return <Suspense fallback={<Loading />}>{route.name === 'emailLink' ? <EmailLinkScreen token={route.token} /> : <LoginScreen />}</Suspense>;
  return (
    <PortalShell route={route}>
      <Suspense fallback={<Loading />}>
        {!dbOpen ? <Loading /> : route.name === 'requests' ? <MyRequestsScreen /> : route.name === 'account' ? <AccountScreen /> : <JourneyScreen />}
      </Suspense>
    </PortalShell>
  );
}
