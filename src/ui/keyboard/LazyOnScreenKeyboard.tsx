import { lazy, Suspense, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { afterNextPaint } from '../afterNextPaint';
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

/**
 * The on-screen keyboard, out of the start-up bundle; until its chunk is there the place stays empty.
 * It is drawn just after the screen that holds it has painted: simple-keyboard builds its keys
 * one by one in the DOM (and the browser then styles, lays out and paints some forty keys), which
 * made the tap that opens a form the slowest of a session on a cheap tablet, while no finger can
 * reach a key within that frame. Drawn in one synchronous commit (its effects included), so the
 * container never shows without its keys.
 */
export function LazyOnScreenKeyboard(props: OnScreenKeyboardProps) {
  const [screenPainted, setScreenPainted] = useState(false);
  useEffect(() => afterNextPaint(() => flushSync(() => setScreenPainted(true))), []);
  return <Suspense fallback={null}>{screenPainted ? <Keyboard {...props} /> : null}</Suspense>;
}
