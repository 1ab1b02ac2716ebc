import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../src/domain/console/requestDetail';
import { localized } from '../../../../src/i18n/format';
import { isConflict, type RequestCommand } from '../api/consoleApi';
import { useConsole } from '../app/ConsoleContext';
import { hrefOf } from '../app/routes';
import { CertificatesPanel } from '../components/CertificatesPanel';
import { DocumentsChecklist } from '../components/DocumentsChecklist';
import { ForwardsPanel } from '../components/ForwardsPanel';
import { IdentityPanel } from '../components/IdentityPanel';
import { RequestActions } from '../components/RequestActions';
import { ServiceFieldsPanel } from '../components/ServiceFieldsPanel';
import { StatusBadge } from '../components/StatusBadge';
import { Timeline } from '../components/Timeline';
import { RequestMessages } from '../components/RequestMessages';

/** What the last action came to; translated when shown, so a language switch translates it too. */
type Notice = { kind: 'done'; action: Exclude<RequestCommand['action'], 'checkDocument'> } | { kind: 'conflict' | 'failed' } | null;

/**
 * One request: who, what, the papers seen, its history, and only the actions the back office
 * allows (`allowedActions`). Every action names the version it was decided on; when someone else
 * acted first (409) the page says so and shows the request as it now is, never overwriting
 * their work.
 */
export function RequestPage({ requestId }: { requestId: string }) {
  const { t } = useTranslation('console');
  const { api, office, locale } = useConsole();
  const [request, setRequest] = useState<RequestDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api.request(office.officeId, requestId).then(
      (found) => current && setRequest(found),
      () => current && setMissing(true),
    );
    return () => {
      current = false;
    };
  }, [api, requestId, office.officeId]);

  const reload = useCallback(() => {
    void api.request(office.officeId, requestId).then(setRequest, () => setMissing(true));
  }, [api, office.officeId, requestId]);

  const send = useCallback(
    (command: RequestCommand) => {
      if (!request) return;
      setBusy(true);
      setNotice(null);
      api.command(office.officeId, request.id, request.version, command).then(
        (updated) => {
          setRequest(updated);
          setBusy(false);
          if (command.action !== 'checkDocument') setNotice({ kind: 'done', action: command.action });
        },
        (failure: unknown) => {
          setBusy(false);
          if (!isConflict(failure)) return setNotice({ kind: 'failed' });
          setNotice({ kind: 'conflict' });
          void api.request(office.officeId, request.id).then(setRequest, () => setMissing(true));
        },
      );
    },
    [api, office.officeId, request],
  );

  if (missing) {
    return (
      <section data-testid="page-request-missing">
        <h1>{t('request.notFound')}</h1>
        <a href={hrefOf({ page: 'queues' })}>{t('request.backToQueues')}</a>
      </section>
    );
  }
  if (!request) return <p aria-busy="true">{t('common.loading')}</p>;

  const canCheck = request.allowedActions.includes('checkDocument') && !busy;
  return (
    <article className="request-page" aria-labelledby="request-title" data-testid="page-request" data-status={request.status} data-version={request.version}>
      <a href={hrefOf({ page: 'queues' })} className="back">
        {t('request.backToQueues')}
      </a>
      <header className="request-header">
        <h1 id="request-title">
          {request.service.name ? localized(request.service.name, locale) : request.service.id} · <span dir="ltr">{request.trackingCode}</span>
        </h1>
        <StatusBadge status={request.status} />
        {request.overdue ? <span className="badge overdue">{t('request.overdue')}</span> : null}
        <p data-testid="assignee">{request.assignee ? t('request.assignedTo', { name: request.assignee.name }) : t('request.unassigned')}</p>
      </header>
      {notice ? (
        <p role={notice.kind === 'done' ? 'status' : 'alert'} className={`notice ${notice.kind}`} data-testid={`notice-${notice.kind}`}>
          {notice.kind === 'done' ? t(`actions.done.${notice.action}`) : notice.kind === 'conflict' ? t('request.conflict') : t('errors.actionFailed')}
        </p>
      ) : null}
      <div className="request-columns">
        <div>
          <IdentityPanel request={request} />
          <ServiceFieldsPanel request={request} />
        </div>
        <div>
          <RequestActions request={request} busy={busy} onCommand={send} />
          <ForwardsPanel requestId={request.id} version={request.version} />
          <CertificatesPanel request={request} onChanged={reload} />
          <DocumentsChecklist checklist={request.checklist} editable={canCheck} onCheck={(index, checked) => send({ action: 'checkDocument', index, checked })} />
          <RequestMessages messages={request.messages ?? []} />
          <Timeline events={request.timeline} />
        </div>
      </div>
    </article>
  );
}
