import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';
import type { PromptId } from '../../domain/audioPrompts';
import { useAudioGuide } from '../audio/AudioGuide';

type Variant = 'primary' | 'secondary' | 'quiet' | 'danger';

interface TouchButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: Variant;
  testId?: string;
  /** The prompt that names this choice aloud: with spoken guidance on, the first touch says it and the second acts. */
  prompt?: PromptId;
  /** Tells this choice from others that say the same prompt (defaults to the prompt). */
  choiceKey?: string;
  children: ReactNode;
}

/** Every control is at least 64 px high, shows a pressed state, and never relies on hover. */
export function TouchButton({ variant = 'primary', testId, className, prompt, choiceKey = prompt, onClick, children, ...rest }: TouchButtonProps) {
  const guide = useAudioGuide();
  const handleClick = prompt && onClick ? (event: MouseEvent<HTMLButtonElement>) => guide.choose(prompt, () => onClick(event), choiceKey) : onClick;
  const armed = prompt !== undefined && guide.armed === choiceKey;
  return (
    <button
      type="button"
      className={['touch-button', `touch-button--${variant}`, armed ? 'touch-button--armed' : '', className].filter(Boolean).join(' ')}
      data-testid={testId}
      data-prompt={prompt}
      data-armed={armed ? '' : undefined}
      onClick={handleClick}
      {...rest}
    >
      {children}
    </button>
  );
}
