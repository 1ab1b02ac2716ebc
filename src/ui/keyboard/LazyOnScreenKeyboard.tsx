import { lazy, Suspense } from 'react';
import type { OnScreenKeyboardProps } from './OnScreenKeyboard';

let loading: Promise<typeof import('./OnScreenKeyboard')> | null = null;

/**
 * Starts loading the keyboard (simple-keyboard and its layouts, a chunk of the same local build)
 * without waiting for a form: the composition root calls it once the attract screen is up, so
 * the first field never waits for it. Safe to call more than once.
 */
export function preloadOnScreenKeyboard(): Promise<typeof import('./OnScreenKeyboard')> {
  loading ??= import('./OnScreenKeyboard');
  return loading;
}

const Keyboard = lazy(() => preloadOnScreenKeyboard().then((module) => ({ default: module.OnScreenKeyboard })));

/** The on-screen keyboard, out of the start-up bundle; until its chunk is there the place stays empty. */
export function LazyOnScreenKeyboard(props: OnScreenKeyboardProps) {
  return (
    <Suspense fallback={null}>
      <Keyboard {...props} />
    </Suspense>
  );
}
