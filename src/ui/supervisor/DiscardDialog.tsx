import { useState, type FormEvent } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import type { OutboxRow } from '../../supervisor/types';
import { useTouchKeyboard } from './useTouchKeyboard';

interface DiscardDialogProps {
  row: OutboxRow;
  onCancel(): void;
  onConfirm(reason: string): Promise<void>;
}

/**
 * Discarding drops a citizen's request for good, so it takes two steps: a reason (required, it
 * goes to the audit log), then an explicit confirmation.
 */
export function DiscardDialog({ row, onCancel, onConfirm }: DiscardDialogProps) {
  const { t } = useSupervisorTranslation();
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'reason' | 'confirm'>('reason');
  const [missingReason, setMissingReason] = useState(false);
  const [busy, setBusy] = useState(false);
  const touch = useTouchKeyboard<'reason'>();
  const changeReason = (value: string) => {
    setReason(value);
    setMissingReason(false);
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissingReason(true);
      return;
    }
    setStep('confirm');
  };
  const confirm = async () => {
    setBusy(true);
    await onConfirm(reason.trim());
  };

  return (
    <div className="sv-modal" role="alertdialog" aria-modal="true" aria-labelledby="sv-discard-title">
      <h3 id="sv-discard-title">{t('discard.title', { code: row.trackingCode })}</h3>
      {step === 'reason' ? (
        <form onSubmit={next} noValidate>
          <label className="sv-field">
            <span>{t('discard.reason')}</span>
            <textarea
              value={reason}
              onChange={(event) => changeReason(event.target.value)}
              {...touch.field('reason', 'text')}
              aria-invalid={missingReason}
              aria-describedby={missingReason ? 'sv-discard-error' : undefined}
              maxLength={300}
              rows={3}
            />
          </label>
          {touch.keyboard(reason, changeReason)}
          {missingReason && (
            <p id="sv-discard-error" role="alert" className="sv-error">
              {t('discard.reasonRequired')}
            </p>
          )}
          <div className="sv-actions">
            <button type="button" className="sv-button" onClick={onCancel}>
              {t('actions.cancel')}
            </button>
            <button type="submit" className="sv-button sv-button-danger">
              {t('actions.next')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>{t('discard.confirmBody', { code: row.trackingCode })}</p>
          <div className="sv-actions">
            <button type="button" className="sv-button" onClick={onCancel} disabled={busy}>
              {t('actions.cancel')}
            </button>
            <button type="button" className="sv-button sv-button-danger" onClick={() => void confirm()} disabled={busy}>
              {t('discard.confirm')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
