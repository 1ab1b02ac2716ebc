import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { SnapshotFrom } from 'xstate';
import type { SessionContext as SessionData, SessionEvent } from '../../machines/session/types';
import type { SessionMachine } from '../../machines/sessionMachine';
import type { Overlays, ScreenName } from './currentScreen';

/** What the screens read of the session: its context and the screen and overlays its state shows. */
export interface SessionView {
  context: SessionData;
  screen: ScreenName;
  overlays: Overlays;
  /** Whether the session is in that state (the machine's own `matches`). */
  matches(state: SessionState): boolean;
}

export type SessionState = Parameters<SnapshotFrom<SessionMachine>['matches']>[0];

/**
 * The screens' one way to the citizen session, whoever runs it: the session machine once its
 * chunk has arrived (SessionProvider), or, while the attract screen shows before that, a port
 * that holds the citizen's taps until the machine takes them (attractPort.ts). Nothing here
 * imports xstate, so the attract screen is drawn without it.
 */
export interface SessionPort {
  /** The same object until the session changes. */
  getView(): SessionView;
  subscribe(onChange: () => void): () => void;
  send(event: SessionEvent): void;
}

export const SessionPortContext = createContext<SessionPort | null>(null);

export function useSessionPort(): SessionPort {
  const port = useContext(SessionPortContext);
  if (!port) throw new Error('useSessionPort needs a SessionPortContext provider (SessionProvider or the attract port)');
  return port;
}

/** A value of the session's view; the component renders again only when `equal` says it changed. */
export function useSessionView<T>(select: (view: SessionView) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const port = useSessionPort();
  const last = useRef<{ view: SessionView; select: (view: SessionView) => T; value: T } | null>(null);
  const read = useCallback(() => {
    const view = port.getView();
    const previous = last.current;
    if (previous?.view === view && previous.select === select) return previous.value;
    const value = select(view);
    const kept = previous && equal(previous.value, value) ? previous.value : value;
    last.current = { view, select, value: kept };
    return kept;
  }, [port, select, equal]);
  return useSyncExternalStore(port.subscribe, read);
}
