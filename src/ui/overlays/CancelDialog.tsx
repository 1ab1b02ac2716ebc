import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { Pictogram } from '../components/Pictogram';
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
          <TouchButton variant="secondary" testId="cancel-abort" prompt="choice.no" onClick={() => send({ type: 'cancel.abort' })}>
            <Pictogram name="no" size={48} />
            {t('cancel.abort')}
          </TouchButton>
          <TouchButton variant="danger" testId="cancel-confirm" prompt="choice.yes" onClick={() => send({ type: 'cancel.confirm' })}>
            <Pictogram name="yes" size={48} />
            {t('cancel.confirm')}
          </TouchButton>
        </>
      }
    >
      <p>{t('cancel.body')}</p>
    </Dialog>
  );
}
