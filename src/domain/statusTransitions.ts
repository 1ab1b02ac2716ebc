import type { RemoteStatus } from './status';

/**
 * The life of a request at the office: received → inReview → ready → collected, or refused
 * (with a reason) from any status that is not final. Nothing moves backwards. Shared by the back
 * office, which enforces it, and the console, which offers only the moves it allows.
 */
const NEXT: Record<RemoteStatus, readonly RemoteStatus[]> = {
  received: ['inReview', 'refused'],
  inReview: ['ready', 'refused'],
  ready: ['collected', 'refused'],
  collected: [],
  refused: [],
};

export function canTransition(from: RemoteStatus, to: RemoteStatus): boolean {
  return NEXT[from].includes(to);
}

export function allowedNext(from: RemoteStatus): readonly RemoteStatus[] {
  return NEXT[from];
}
