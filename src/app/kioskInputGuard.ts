/**
 * What the page itself refuses, whatever its host: a long press opening the context menu,
 * dragging an image or a link out of the page, and zooming by Ctrl + wheel or Ctrl + plus/minus/0.
 * Pinch-zoom is fixed by the host (Electron's `setVisualZoomLevelLimits(1, 1)`, Chromium's
 * `--disable-pinch`), so the viewport stays zoomable for the remote portal (WCAG 1.4.4) while a
 * kiosk citizen's gesture never carries over to the next citizen.
 */

const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0', 'Add', 'Subtract']);

interface GuardedTarget {
  addEventListener(type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: (event: Event) => void, options?: EventListenerOptions): void;
}

function isZoomKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && ZOOM_KEYS.has(event.key);
}

/** Installs the guard on `target` (the window); returns the function that removes it. */
export function installKioskInputGuard(target: GuardedTarget): () => void {
  const refuse = (event: Event) => event.preventDefault();
  const refuseZoomKey = (event: Event) => {
    if (isZoomKey(event as KeyboardEvent)) event.preventDefault();
  };
  const refuseZoomWheel = (event: Event) => {
    const wheel = event as WheelEvent;
    if (wheel.ctrlKey || wheel.metaKey) event.preventDefault();
  };
  // Wheel listeners must not be passive, or preventDefault is ignored.
  const active = { capture: true, passive: false };
  target.addEventListener('contextmenu', refuse, active);
  target.addEventListener('dragstart', refuse, active);
  target.addEventListener('keydown', refuseZoomKey, active);
  target.addEventListener('wheel', refuseZoomWheel, active);
  return () => {
    target.removeEventListener('contextmenu', refuse, { capture: true });
    target.removeEventListener('dragstart', refuse, { capture: true });
    target.removeEventListener('keydown', refuseZoomKey, { capture: true });
    target.removeEventListener('wheel', refuseZoomWheel, { capture: true });
  };
}
