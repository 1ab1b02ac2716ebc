import type { SessionEvent, SessionInput } from '../../machines/session/types';
import { freshContext } from '../../machines/session/draft';
import type { SessionPort, SessionView } from './sessionPort';

/** The session port of the attract screen drawn before the session machine has arrived. */
export interface AttractPort extends SessionPort {
  /**
   * The citizen's taps so far, in order, emptied: the machine takes them as its first events
   * (a tap on `start` before it arrived waits for it, then goes on).
   */
  takeHeldEvents(): SessionEvent[];
}

/** The view is the machine's own first state: the attract screen over a fresh context. */
export function createAttractPort(input: SessionInput, onEvent: () => void = () => undefined): AttractPort {
  const view: SessionView = {
    context: freshContext(input),
    screen: 'attract',
    overlays: { stillThere: false, cancelConfirm: false, help: false },
    matches: (state) => state === 'attract',
  };
  let held: SessionEvent[] = [];
  return {
    getView: () => view,
    subscribe: () => () => undefined,
    send: (event) => {
      held.push(event);
      onEvent();
    },
    takeHeldEvents: () => {
      const taken = held;
      held = [];
      return taken;
    },
  };
}
