import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryBody } from '../../../../src/domain/routing';
import { ConsoleApiError } from '../api/consoleApi';
import { useConsole } from '../app/ConsoleContext';
import { isKnownBodyKind, KNOWN_BODY_KINDS, readBodyForm, type BodyFormField, type FieldProblem } from '../app/bodyForm';
import { BODY_NAME } from '../app/freeTextRules';
import { DataTable } from '../components/DataTable';

type Notice = { kind: 'added' | 'removed'; name: string } | { kind: 'failed' | 'invalid' | 'loadFailed' };

const FIELDS: readonly BodyFormField[] = ['kind', 'nameAr', 'nameFr', 'communes', 'email', 'endpoint'];

/**
 * An admin's page: the bodies (communes, services) the office forwards requests to, a new one,
 * and the removal of one (after confirming: its pending forwards stay, no new one goes to it).
 */
export function DirectoryPage() {
  const { t } = useTranslation('console');
  const { api, office } = useConsole();
  const [bodies, setBodies] = useState<DirectoryBody[] | null>(null);
  const [problems, setProblems] = useState<Partial<Record<BodyFormField, FieldProblem>>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.directory(office.officeId).then(setBodies, () => setNotice({ kind: 'loadFailed' }));
  }, [api, office.officeId]);
  useEffect(load, [load]);

  const kindName = (kind: string) => (isKnownBodyKind(kind) ? t(`directory.kinds.${kind}`) : kind);

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (field: BodyFormField) => String(form.get(field) ?? '');
    const read = readBodyForm({ kind: text('kind'), nameAr: text('nameAr'), nameFr: text('nameFr'), communes: text('communes'), email: text('email'), endpoint: text('endpoint') });
    setNotice(null);
    if (!read.ok) {
      setProblems(read.problems);
      // The first refused field takes the focus, so a keyboard or screen reader user lands on it.
      const first = FIELDS.find((field) => read.problems[field]);
      if (first) formElement.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setProblems({});
    setBusy(true);
    api
      .addBody(office.officeId, read.input)
      .then(
        (added) => {
          formElement.reset();
          setNotice({ kind: 'added', name: added.nameFr });
          load();
        },
        (failure: unknown) => {
          if (failure instanceof ConsoleApiError && failure.code === 'invalid_endpoint') return setProblems({ endpoint: { key: 'directory.problems.endpoint' } });
          setNotice({ kind: failure instanceof ConsoleApiError && failure.code === 'invalid_body' ? 'invalid' : 'failed' });
        },
      )
      .finally(() => setBusy(false));
  };

  const remove = (body: DirectoryBody) => {
    setBusy(true);
    api
      .removeBody(office.officeId, body.id)
      .then(
        (remaining) => {
          setBodies(remaining);
          setConfirming(null);
          setNotice({ kind: 'removed', name: body.nameFr });
        },
        () => setNotice({ kind: 'failed' }),
      )
      .finally(() => setBusy(false));
  };

  const problemOf = (field: BodyFormField) => problems[field];
  const fieldProps = (field: BodyFormField) => ({
    name: field,
    id: `body-${field}`,
    'aria-invalid': problemOf(field) ? true : undefined,
    // The kind's hint is always read with it; a problem is read with its field.
    'aria-describedby': [field === 'kind' ? 'body-kind-hint' : '', problemOf(field) ? `body-${field}-problem` : ''].filter((id) => id !== '').join(' ') || undefined,
    'data-testid': `body-${field}`,
  });
  const problemText = (field: BodyFormField) => {
    const problem = problemOf(field);
    return problem ? (
      <span className="error" id={`body-${field}-problem`} data-testid={`body-${field}-problem`}>
        {t(problem.key, problem.values)}
      </span>
    ) : null;
  };
  const refused = FIELDS.filter((field) => problemOf(field)).length;

  return (
    <section aria-labelledby="directory-title" data-testid="page-directory">
      <h1 id="directory-title">{t('directory.title')}</h1>
      <p>{t('directory.intro')}</p>
      {notice ? (
        <p role={notice.kind === 'added' || notice.kind === 'removed' ? 'status' : 'alert'} className={`notice ${notice.kind === 'added' || notice.kind === 'removed' ? 'done' : 'failed'}`} data-testid="directory-notice">
          {notice.kind === 'added' || notice.kind === 'removed'
            ? t(`directory.${notice.kind}`, { name: notice.name })
            : notice.kind === 'invalid'
              ? t('directory.problems.invalid')
              : notice.kind === 'loadFailed'
                ? t('errors.loadFailed')
                : t('errors.actionFailed')}
        </p>
      ) : null}
      {bodies === null ? (
        notice?.kind === 'loadFailed' ? null : <p aria-busy="true">{t('common.loading')}</p>
      ) : bodies.length === 0 ? (
        <p data-testid="directory-none">{t('directory.none')}</p>
      ) : (
        <DataTable
          testId="directory-table"
          caption={t('directory.title')}
          columns={[
            t('directory.nameAr'),
            t('directory.nameFr'),
            t('directory.kind'),
            t('directory.communes'),
            t('directory.reachedBy'),
            t('fleet.actions'),
          ]}
        >
          {bodies.map((body) => (
            <tr key={body.id} data-testid={`body-row-${body.id}`}>
              <th scope="row" lang="ar" dir="rtl">
                {body.nameAr}
              </th>
              <td lang="fr" dir="ltr">
                {body.nameFr}
              </td>
              <td>{kindName(body.kind)}</td>
              <td>{body.communes.length === 0 ? t('directory.everyCommune') : body.communes.join(' · ')}</td>
              <td>
                {body.email ? <div dir="ltr">{body.email}</div> : null}
                {body.endpoint ? <div dir="ltr">{body.endpoint}</div> : null}
              </td>
              <td>
                {confirming === body.id ? (
                  <span className="buttons">
                    <button type="button" className="danger" disabled={busy} data-testid={`body-remove-confirm-${body.id}`} onClick={() => remove(body)}>
                      {t('directory.removeConfirm')}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </button>
                  </span>
                ) : (
                  <button type="button" aria-label={t('directory.removeOf', { name: body.nameFr })} data-testid={`body-remove-${body.id}`} onClick={() => setConfirming(body.id)}>
                    {t('directory.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <form className="panel body-form" onSubmit={add} noValidate aria-labelledby="body-add-title" data-testid="body-add">
        <h2 id="body-add-title">{t('directory.addTitle')}</h2>
        {refused > 0 ? (
          <p role="alert" className="error" data-testid="body-problems">
            {t('directory.problems.summary', { count: refused })}
          </p>
        ) : null}
        <label htmlFor="body-kind">{t('directory.kind')}</label>
        <input {...fieldProps('kind')} dir="ltr" list="body-kinds" autoComplete="off" required />
        <datalist id="body-kinds">
          {KNOWN_BODY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`directory.kinds.${kind}`)}
            </option>
          ))}
        </datalist>
        <span className="hint" id="body-kind-hint">
          {t('directory.kindHint')}
        </span>
        {problemText('kind')}
        <label htmlFor="body-nameAr">{t('directory.nameAr')}</label>
        <input {...fieldProps('nameAr')} lang="ar" dir="rtl" maxLength={BODY_NAME.max} required />
        {problemText('nameAr')}
        <label htmlFor="body-nameFr">{t('directory.nameFr')}</label>
        <input {...fieldProps('nameFr')} lang="fr" dir="ltr" maxLength={BODY_NAME.max} required />
        {problemText('nameFr')}
        <label htmlFor="body-communes">{t('directory.communesField')}</label>
        <textarea {...fieldProps('communes')} rows={3} />
        {problemText('communes')}
        <label htmlFor="body-email">{t('directory.email')}</label>
        <input {...fieldProps('email')} type="email" dir="ltr" autoComplete="off" />
        {problemText('email')}
        <label htmlFor="body-endpoint">{t('directory.endpoint')}</label>
        <input {...fieldProps('endpoint')} type="url" dir="ltr" autoComplete="off" placeholder="https://" />
        {problemText('endpoint')}
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy} data-testid="body-add-submit">
            {t('directory.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
