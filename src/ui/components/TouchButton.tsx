import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'quiet' | 'danger';

interface TouchButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: Variant;
  testId?: string;
  children: ReactNode;
}

/** Every control is at least 64 px high, shows a pressed state, and never relies on hover. */
export function TouchButton({ variant = 'primary', testId, className, children, ...rest }: TouchButtonProps) {
  return (
    <button type="button" className={['touch-button', `touch-button--${variant}`, className].filter(Boolean).join(' ')} data-testid={testId} {...rest}>
      {children}
    </button>
  );
}
