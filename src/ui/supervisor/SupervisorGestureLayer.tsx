import type { ReactNode } from 'react';
import { useSupervisorGesture } from './useSupervisorGesture';
import './supervisorLayer.css';

/**
 * The layers under supervisor mode, drawn from the first screen on (no machine needed): the
 * gesture's handlers, the app beneath (inert while the overlay is open: no focus, no touches,
 * hidden from assistive technology) and the overlay itself. Supervisor mode is an overlay inside
 * the app: the kiosk window never leaves kiosk mode.
 */
export function SupervisorGestureLayer({ onHold, open, overlay, children }: { onHold: () => void; open: boolean; overlay: ReactNode; children: ReactNode }) {
  const gesture = useSupervisorGesture(onHold);
  return (
    <div className="sv-layer" {...gesture}>
      <div className="sv-app" inert={open} aria-hidden={open || undefined}>
        {children}
      </div>
      {open ? overlay : null}
    </div>
  );
}
