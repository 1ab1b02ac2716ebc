import type { ReactNode } from 'react';
import type { PromptId } from '../../domain/audioPrompts';
import { useTranslation } from 'react-i18next';
import { useSend } from '../session/hooks';
import { Pictogram } from './Pictogram';
import { TouchButton } from './TouchButton';

/** Back on the start side, the main action on the end side: mirrored in Arabic by logical CSS. */
export function ActionBar({
  onNext,
  nextLabel,
  nextTestId = 'next',
  nextPrompt = 'choice.next',
  nextPictogram,
  extra,
}: {
  onNext?: () => void;
  nextLabel?: ReactNode;
  nextTestId?: string;
  /** What the main action is called aloud with spoken guidance on. */
  nextPrompt?: PromptId;
  /** Where the main action is a choice of its own (agree to the notice), the pictogram that shows it. */
  nextPictogram?: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation('common');
  const send = useSend();
  return (
    <>
      <TouchButton variant="secondary" testId="back" prompt="choice.back" onClick={() => send({ type: 'flow.back' })}>
        <span aria-hidden="true" className="icon-back" />
        {t('actions.back')}
      </TouchButton>
      {extra}
      {onNext ? (
        <TouchButton testId={nextTestId} prompt={nextPrompt} onClick={onNext}>
          {nextPictogram ? <Pictogram name={nextPictogram} size={32} /> : null}
          {nextLabel ?? t('actions.next')}
        </TouchButton>
      ) : null}
    </>
  );
}
