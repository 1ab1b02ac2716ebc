import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../../src/domain/console/requestDetail';
import { localized } from '../../../../src/i18n/format';
import { useConsole } from '../app/ConsoleContext';

/** The papers the catalogue asks for, ticked by the agent as they are seen at the counter. */
export function DocumentsChecklist({ checklist, editable, onCheck }: { checklist: ChecklistItem[]; editable: boolean; onCheck(index: number, checked: boolean): void }) {
  const { t } = useTranslation('console');
  const { locale } = useConsole();
  const seen = checklist.filter((item) => item.checked).length;
  return (
    <fieldset className="panel checklist" data-testid="checklist">
      <legend>{t('request.checklist')}</legend>
      {checklist.length === 0 ? <p>{t('request.noDocuments')}</p> : null}
      {checklist.map((item) => (
        <label key={item.index} className="check">
          <input type="checkbox" checked={item.checked} disabled={!editable} data-testid={`checklist-${item.index}`} onChange={(event) => onCheck(item.index, event.target.checked)} />
          {localized(item.label, locale)}
          {item.by ? <span className="muted"> · {item.by.name}</span> : null}
        </label>
      ))}
      {checklist.length > 0 ? (
        <p className="muted" data-testid="checklist-progress">
          {t('request.checklistProgress', { seen, total: checklist.length })}
        </p>
      ) : null}
    </fieldset>
  );
}
