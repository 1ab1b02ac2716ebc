import { useCallback, useEffect, useRef, type PointerEvent } from 'react';

/** How long staff hold the office logo to open supervisor mode. */
export const SUPERVISOR_GESTURE_MS = 3_000;
/** A press that wanders further than this is a scroll or a swipe, not the gesture. */
const MOVE_TOLERANCE_PX = 24;
export const SUPERVISOR_GESTURE_SELECTOR = '[data-supervisor-gesture]';

interface Press {
  pointerId: number;
  x: number;
  y: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Event delegation for the hidden gesture: pointer handlers for a wrapper element, firing
 * `onHold` when a press that started on any `[data-supervisor-gesture]` element is held for
 * `holdMs` without being lifted, cancelled or moved away.
 */
export function useSupervisorGesture(onHold: () => void, holdMs: number = SUPERVISOR_GESTURE_MS) {
  const press = useRef<Press | null>(null);
  const latestOnHold = useRef(onHold);
  useEffect(() => {
    latestOnHold.current = onHold;
  }, [onHold]);

  const cancel = useCallback(() => {
    if (press.current) clearTimeout(press.current.timer);
    press.current = null;
  }, []);
  useEffect(() => cancel, [cancel]);

  const onPointerDownCapture = useCallback(
    (event: PointerEvent) => {
      cancel();
      const target = event.target as Element | null;
      if (!target?.closest?.(SUPERVISOR_GESTURE_SELECTOR)) return;
      const timer = setTimeout(() => {
        press.current = null;
        latestOnHold.current();
      }, holdMs);
      press.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, timer };
    },
    [cancel, holdMs],
  );

  const onPointerMoveCapture = useCallback(
    (event: PointerEvent) => {
      const current = press.current;
      if (!current || current.pointerId !== event.pointerId) return;
      if (Math.hypot(event.clientX - current.x, event.clientY - current.y) > MOVE_TOLERANCE_PX) cancel();
    },
    [cancel],
  );

  return {
    onPointerDownCapture,
    onPointerMoveCapture,
    onPointerUpCapture: cancel,
    onPointerCancelCapture: cancel,
  };
}
