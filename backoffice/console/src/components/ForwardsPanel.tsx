import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForwardView } from '../../../../src/domain/routing';
import { useConsole } from '../app/ConsoleContext';
import { bodyName } from '../app/bodyNames';
import { formatDateTime } from '../app/format';
import { ForwardStandingBadge } from './ForwardStandingBadge';

/**
 * On a request's page: the bodies it was forwarded to and where each forward stands, with the
 * answer and the returned document. Shown only for a forwarded request: most are done at the annex.
 * `version` reloads it when the request changes (an answer moves the request to ready or refused).
 */
export function ForwardsPanel({ requestId, version }: { requestId: string; version: number }) {
  const { t } = useTranslation('console');
  const { api, office, locale } = useConsole();
  const [forwards, setForwards] = useState<ForwardView[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    api.requestForwards(office.officeId, requestId).then(
      (found) => {
        if (!current) return;
        setFailed(false);
        setForwards(found);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [api, office.officeId, requestId, version]);

  if (failed) {
    return (
      <section className="panel" aria-labelledby="forwards-title">
        <h2 id="forwards-title">{t('forwards.title')}</h2>
        <p role="alert" className="error">
          {t('errors.loadFailed')}
        </p>
      </section>
    );
  }
  if (!forwards || forwards.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="forwards-title" data-testid="request-forwards">
      <h2 id="forwards-title">{t('forwards.title')}</h2>
      <ul>
        {forwards.map((forward) => (
          <li key={forward.id} data-testid={`forward-${forward.id}`}>
            <strong>{bodyName(forward.body, locale)}</strong> <ForwardStandingBadge standing={forward.standing} />
            <dl className="forward-facts">
              <dt>{t('forwards.forwardedAt')}</dt>
              <dd>{formatDateTime(forward.forwardedAt, locale)}</dd>
              <dt>{t('forwards.sentAt')}</dt>
              <dd>{forward.sentAt ? formatDateTime(forward.sentAt, locale) : t('forwards.notYet')}</dd>
              <dt>{t('forwards.dueAt')}</dt>
              <dd>{forward.dueAt ? formatDateTime(forward.dueAt, locale) : t('forwards.noDue')}</dd>
              {forward.answeredAt && forward.answer ? (
                <>
                  <dt>{t('forwards.answer')}</dt>
                  <dd data-testid="forward-answer">{t(`forwards.answers.${forward.answer}`, { at: formatDateTime(forward.answeredAt, locale) })}</dd>
                </>
              ) : null}
            </dl>
            {forward.hasDocument ? (
              <a href={api.forwardDocumentUrl(office.officeId, requestId, forward.id)} download data-testid="forward-document">
                {t('forwards.document', { body: bodyName(forward.body, locale) })}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
