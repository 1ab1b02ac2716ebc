type SessionKioskModule = typeof import('./SessionKiosk');

let loading: Promise<SessionKioskModule> | null = null;
let loaded: SessionKioskModule | null = null;

/**
 * The session and supervisor machines' chunk (src/app/SessionKiosk.tsx), fetched once; a failed
 * fetch is tried again on the next call. KioskApp asks for it once the attract screen is up, and
 * src/app/warmOfflineChunks.ts with the other chunks.
 */
export function loadSessionKiosk(): Promise<SessionKioskModule> {
  loading ??= import('./SessionKiosk').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The chunk if it has already arrived (a kiosk rendered again, tests that loaded it first); null at a real start. */
export function loadedSessionKiosk(): SessionKioskModule | null {
  return loaded;
}
