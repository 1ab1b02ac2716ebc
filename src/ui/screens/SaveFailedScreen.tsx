import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../components/ScreenFrame';
import { TouchButton } from '../components/TouchButton';
import { useSend, useSessionValue } from '../session/hooks';

/** Never a dead end: the answers are kept, and the citizen can retry, go back, or call staff. */
export function SaveFailedScreen() {
  const { t } = useTranslation(['citizen', 'common']);
  const send = useSend();
  const reason = useSessionValue((context) => context.saveFailure) ?? 'storage';
  return (
    <ScreenFrame
      name="save-failed"
      title={t('saveFailed.title')}
      actions={
        <>
          <TouchButton variant="secondary" testId="back-to-review" prompt="choice.back" onClick={() => send({ type: 'flow.back' })}>
            {t('saveFailed.backToReview')}
          </TouchButton>
          <TouchButton variant="secondary" testId="ask-staff" prompt="choice.help" onClick={() => send({ type: 'help.call' })}>
            {t('common:help.call')}
          </TouchButton>
          <TouchButton testId="retry" onClick={() => send({ type: 'save.retry' })}>
            {t('common:actions.retry')}
          </TouchButton>
        </>
      }
    >
      <p className="notice notice--error" role="alert" data-testid="save-failure">
        {t(`saveFailed.${reason}`)}
      </p>
    </ScreenFrame>
  );
}
