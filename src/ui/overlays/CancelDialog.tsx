import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { TouchButton } from '../components/TouchButton';
import { useSend } from '../session/hooks';

/** Cancel asks once; confirming wipes everything the citizen typed. */
export function CancelDialog() {
  const { t } = useTranslation('common');
  const send = useSend();
  return (
    <Dialog
      name="cancel"
      title={t('cancel.title')}
      actions={
        <>
          <TouchButton variant="secondary" testId="cancel-abort" onClick={() => send({ type: 'cancel.abort' })}>
            {t('cancel.abort')}
          </TouchButton>
          <TouchButton variant="danger" testId="cancel-confirm" onClick={() => send({ type: 'cancel.confirm' })}>
            {t('cancel.confirm')}
          </TouchButton>
        </>
      }
    >
      <p>{t('cancel.body')}</p>
    </Dialog>
  );
}
