import { useEffect, useRef } from 'react';

/**
 * A screen's heading, focused when the screen appears: a screen reader announces where the
 * citizen is after each step, as it would after a page load.
 */
export function ScreenTitle({ children }: { children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, [children]);
  return (
    <h1 ref={heading} tabIndex={-1} className="screen-title">
      {children}
    </h1>
  );
}
