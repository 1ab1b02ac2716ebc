import type { ScreenName } from './currentScreen';

/**
 * The request's steps as the citizen counts them. Identity and the service's own questions are
 * one step ("your details"): a service without questions must not change the count mid-way.
 */
export const REQUEST_STEPS = [
  { id: 'choose', pictogram: 'step-choose', screens: ['catalogue'] },
  { id: 'about', pictogram: 'documents', screens: ['service'] },
  { id: 'details', pictogram: 'step-details', screens: ['identity', 'fields'] },
  { id: 'review', pictogram: 'step-review', screens: ['review'] },
  { id: 'consent', pictogram: 'step-consent', screens: ['consent'] },
] as const satisfies ReadonlyArray<{ id: string; pictogram: string; screens: readonly ScreenName[] }>;

export type RequestStepId = (typeof REQUEST_STEPS)[number]['id'];

/** 1-based position of the screen among the request's steps; null off the request path (home, lookup, receipt…). */
export function stepOfScreen(screen: ScreenName): number | null {
  const index = REQUEST_STEPS.findIndex((step) => (step.screens as readonly ScreenName[]).includes(screen));
  return index < 0 ? null : index + 1;
}
