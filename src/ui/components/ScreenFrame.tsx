import type { ReactNode } from 'react';

/** One screen of the flow: a heading the screen reader announces first, the content, then the actions. */
export function ScreenFrame({ name, title, children, actions }: { name: string; title: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  return (
    <section className="screen" data-testid={`screen-${name}`} aria-labelledby={`screen-${name}-title`}>
      <h1 id={`screen-${name}-title`} className="screen__title">
        {title}
      </h1>
      <div className="screen__body">{children}</div>
      {actions ? <div className="screen__actions">{actions}</div> : null}
    </section>
  );
}
