import type { SnapshotFrom } from 'xstate';
import type { SessionMachine } from '../../machines/sessionMachine';

export const FLOW_SCREENS = ['home', 'catalogue', 'service', 'identity', 'fields', 'review', 'consent', 'saving', 'saveFailed', 'receipt', 'lookup'] as const;
export type ScreenName = 'attract' | (typeof FLOW_SCREENS)[number];

/** Screens are views of the machine's states: one flow state, one screen. */
export function currentScreen(snapshot: SnapshotFrom<SessionMachine>): ScreenName {
  return FLOW_SCREENS.find((screen) => snapshot.matches({ active: { flow: screen } })) ?? 'attract';
}

export interface Overlays {
  stillThere: boolean;
  cancelConfirm: boolean;
  help: boolean;
}

export function currentOverlays(snapshot: SnapshotFrom<SessionMachine>): Overlays {
  return {
    stillThere: snapshot.matches({ active: { idle: 'countdown' } }),
    cancelConfirm: snapshot.matches({ active: { cancel: 'confirming' } }),
    help: snapshot.context.helpRequested,
  };
}

/** Mid-request screens offer cancel; saving cannot be interrupted and the receipt has its own "finish". */
export function canCancel(screen: ScreenName): boolean {
  return screen !== 'attract' && screen !== 'saving' && screen !== 'receipt';
}
