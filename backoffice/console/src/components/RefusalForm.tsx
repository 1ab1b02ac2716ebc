import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFUSAL_REASON_CODES, REFUSAL_TEXT_MAX, refusalNeedsText, refusalReasonCodeSchema, type RefusalReasonCode } from '../../../../src/domain/refusalReasons';
import { checkFreeText } from '../../../../src/domain/text';
import { InlineForm } from './InlineForm';

/** A refusal names a reason from the list (the citizen reads it in their language) and may add a note; "other" needs one. */
export function RefusalForm({ busy, onRefuse, onCancel }: { busy: boolean; onRefuse(reasonCode: RefusalReasonCode, reason: string | undefined): void; onCancel(): void }) {
  const { t } = useTranslation('console');
  const [error, setError] = useState<string | null>(null);

  const submit = (formElement: HTMLFormElement) => {
    const form = new FormData(formElement);
    const reasonCode = refusalReasonCodeSchema.safeParse(form.get('reasonCode'));
    if (!reasonCode.success) return setError(t('refusalForm.errors.noReason'));
    const raw = String(form.get('reason') ?? '');
    if (raw.trim() === '') return refusalNeedsText(reasonCode.data) ? setError(t('refusalForm.errors.textNeeded')) : onRefuse(reasonCode.data, undefined);
    const text = checkFreeText(raw, { max: REFUSAL_TEXT_MAX });
    if (!text.ok) return setError(t(`freeText.${text.code}`, { max: text.max }));
    onRefuse(reasonCode.data, text.value);
  };

  return (
    <InlineForm name="refusal" error={error} busy={busy} confirmLabel={t('refusalForm.confirm')} confirmKind="danger" onSubmit={submit} onCancel={onCancel}>
      <label>
        {t('refusalForm.reason')}
        <select name="reasonCode" defaultValue="" required data-testid="refusal-reason">
          <option value="" disabled>
            {t('refusalForm.choose')}
          </option>
          {REFUSAL_REASON_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`refusal.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('refusalForm.note')}
        <textarea name="reason" rows={3} maxLength={REFUSAL_TEXT_MAX} data-testid="refusal-note" />
      </label>
    </InlineForm>
  );
}
