import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../src/domain/console/requestDetail';
import type { RequestCommand } from '../api/consoleApi';
import { CollectionForm } from './CollectionForm';
import { RefusalForm } from './RefusalForm';

/** The actions a click completes, in the order a request goes through them. */
const ONE_CLICK = ['assign', 'startReview', 'markReady', 'issueCertificate', 'release'] as const;

/**
 * The request's next steps, exactly those the back office lists as allowed; refusal and
 * collection open a short form first. The checklist has its own panel.
 */
export function RequestActions({ request, busy, onCommand }: { request: RequestDetail; busy: boolean; onCommand(command: RequestCommand): void }) {
  const { t } = useTranslation('console');
  const [form, setForm] = useState<'refuse' | 'collect' | null>(null);
  const allowed = new Set(request.allowedActions);
  const oneClick = ONE_CLICK.filter((action) => allowed.has(action));
  const shown = oneClick.length > 0 || allowed.has('collect') || allowed.has('refuse');
  return (
    <section className="panel actions" aria-labelledby="actions-title" data-testid="actions">
      <h2 id="actions-title">{t('actions.title')}</h2>
      {shown ? null : <p>{t('actions.none')}</p>}
      <div className="buttons">
        {oneClick.map((action) => (
          <button key={action} type="button" className={action === 'release' ? undefined : 'primary'} disabled={busy} data-testid={`action-${action}`} onClick={() => onCommand({ action })}>
            {t(`actions.${action}`)}
          </button>
        ))}
        {allowed.has('collect') ? (
          <button type="button" className="primary" aria-expanded={form === 'collect'} disabled={busy} data-testid="action-collect" onClick={() => setForm(form === 'collect' ? null : 'collect')}>
            {t('actions.collect')}
          </button>
        ) : null}
        {allowed.has('refuse') ? (
          <button type="button" className="danger" aria-expanded={form === 'refuse'} disabled={busy} data-testid="action-refuse" onClick={() => setForm(form === 'refuse' ? null : 'refuse')}>
            {t('actions.refuse')}
          </button>
        ) : null}
      </div>
      {form === 'refuse' && allowed.has('refuse') ? (
        <RefusalForm busy={busy} onCancel={() => setForm(null)} onRefuse={(reasonCode, reason) => onCommand({ action: 'refuse', reasonCode, reason })} />
      ) : null}
      {form === 'collect' && allowed.has('collect') ? (
        <CollectionForm holderCin={request.identity?.cin ?? null} busy={busy} onCancel={() => setForm(null)} onCollect={(collector) => onCommand({ action: 'collect', collector })} />
      ) : null}
    </section>
  );
}
