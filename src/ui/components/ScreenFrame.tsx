import type { ReactNode } from 'react';
import { StepIndicator } from './StepIndicator';

/**
 * One screen of the flow: a heading the screen reader announces first, the content, then the
 * actions. Sized to the tablet: the title and the actions always show, only the body scrolls.
 */
export function ScreenFrame({ name, title, children, actions, bodyClassName }: { name: string; title: ReactNode; children?: ReactNode; actions?: ReactNode; bodyClassName?: string }) {
  return (
    <section className="screen" data-testid={`screen-${name}`} aria-labelledby={`screen-${name}-title`}>
      <div className="screen__head">
        <h1 id={`screen-${name}-title`} className="screen__title">
          {title}
        </h1>
        <StepIndicator />
      </div>
      <div className={['screen__body', bodyClassName].filter(Boolean).join(' ')}>{children}</div>
      {actions ? <div className="screen__actions">{actions}</div> : null}
    </section>
  );
}
