import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCin } from '../../../../src/domain/identifiers';
import { checkFreeText } from '../../../../src/domain/text';
import type { Collector } from '../../../../src/domain/console/requestDetail';
import { PROXY_NAME } from '../app/freeTextRules';
import { InlineForm } from './InlineForm';

/** Who took the document: the holder, or a proxy whose name and CIN are recorded. */
export function CollectionForm({ holderCin, busy, onCollect, onCancel }: { holderCin: string | null; busy: boolean; onCollect(collector: Collector): void; onCancel(): void }) {
  const { t } = useTranslation('console');
  const [by, setBy] = useState<'holder' | 'proxy'>('holder');
  const [error, setError] = useState<string | null>(null);

  const submit = (formElement: HTMLFormElement) => {
    if (by === 'holder') return onCollect({ kind: 'holder' });
    const form = new FormData(formElement);
    const name = checkFreeText(String(form.get('proxyName') ?? ''), PROXY_NAME);
    if (!name.ok) return setError(t(`freeText.${name.code}`, { max: name.max }));
    const cin = parseCin(String(form.get('proxyCin') ?? ''));
    if (!cin) return setError(t('collection.errors.badCin'));
    if (cin === holderCin) return setError(t('collection.errors.proxyIsHolder'));
    onCollect({ kind: 'proxy', name: name.value, cin });
  };

  return (
    <InlineForm name="collection" error={error} busy={busy} confirmLabel={t('collection.confirm')} onSubmit={submit} onCancel={onCancel}>
      <fieldset>
        <legend>{t('collection.who')}</legend>
        <label className="check">
          <input type="radio" name="by" value="holder" checked={by === 'holder'} onChange={() => setBy('holder')} data-testid="collection-holder" />
          {t('collection.holder')}
        </label>
        <label className="check">
          <input type="radio" name="by" value="proxy" checked={by === 'proxy'} onChange={() => setBy('proxy')} data-testid="collection-proxy" />
          {t('collection.proxy')}
        </label>
      </fieldset>
      {by === 'proxy' ? (
        <>
          <label>
            {t('collection.proxyName')}
            <input name="proxyName" required maxLength={PROXY_NAME.max} autoComplete="off" data-testid="proxy-name" />
          </label>
          <label>
            {t('collection.proxyCin')}
            <input name="proxyCin" required dir="ltr" autoComplete="off" data-testid="proxy-cin" />
          </label>
        </>
      ) : null}
    </InlineForm>
  );
}
