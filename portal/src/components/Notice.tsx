import type { ReactNode } from 'react';

/** A message in the flow of the page; `alert` ones are announced at once. */
export function Notice({ kind, children, testId }: { kind: 'info' | 'error' | 'success'; children: ReactNode; testId?: string }) {
  return (
    <p className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </p>
  );
}
