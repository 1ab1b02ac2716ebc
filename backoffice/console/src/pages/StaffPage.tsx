import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, staffRoleSchema } from '../../../../src/domain/console/roles';
import { staffLoginSchema } from '../../../../src/domain/console/session';
import type { ActivationCodeResponse, StaffRow } from '../../../../src/domain/console/staffAdmin';
import { checkFreeText } from '../../../../src/domain/text';
import { ConsoleApiError } from '../api/consoleApi';
import { useConsole } from '../app/ConsoleContext';
import { formatDateTime } from '../app/format';
import { STAFF_NAME } from '../app/freeTextRules';
import { DataTable } from '../components/DataTable';

/** An admin's page: the office's staff, a new account (with its one-time code), role, password reset, revocation. */
export function StaffPage() {
  const { t } = useTranslation('console');
  const { api, me, office, locale } = useConsole();
  const [staff, setStaff] = useState<StaffRow[] | null>(null);
  const [issued, setIssued] = useState<ActivationCodeResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.staff(office.officeId).then(setStaff, () => setError(t('errors.loadFailed')));
  }, [api, office.officeId, t]);
  useEffect(load, [load]);

  const failed = (failure: unknown) => setError(failure instanceof ConsoleApiError && failure.code === 'login_taken' ? t('staff.loginTaken') : t('errors.actionFailed'));
  const issue = (answer: ActivationCodeResponse) => {
    setError(null);
    setIssued(answer);
    load();
  };

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = checkFreeText(String(form.get('name') ?? ''), STAFF_NAME);
    if (!name.ok) return setError(t(`freeText.${name.code}`, { max: name.max }));
    const loginText = String(form.get('login') ?? '').trim();
    const login = staffLoginSchema.safeParse(loginText);
    if (loginText !== '' && !login.success) return setError(t('staff.badLogin'));
    const role = staffRoleSchema.catch('agent').parse(form.get('role'));
    api.createStaff(office.officeId, { name: name.value, role, ...(login.success ? { login: login.data } : {}) }).then((answer) => {
      formElement.reset();
      issue(answer);
    }, failed);
  };

  return (
    <section aria-labelledby="staff-title" data-testid="page-staff">
      <h1 id="staff-title">{t('staff.title')}</h1>
      <form className="queue-filters panel" onSubmit={add} noValidate data-testid="staff-add">
        <label>
          {t('staff.name')}
          <input name="name" required maxLength={STAFF_NAME.max} data-testid="staff-name" />
        </label>
        <label>
          {t('staff.login')}
          <input name="login" dir="ltr" autoComplete="off" placeholder={t('staff.loginHint')} data-testid="staff-login" />
        </label>
        <label>
          {t('staff.role')}
          <select name="role" defaultValue="agent" data-testid="staff-role">
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="buttons">
          <button type="submit" className="primary" data-testid="staff-add-submit">
            {t('staff.add')}
          </button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {issued ? (
        <p role="status" className="notice done" data-testid="activation-code-issued">
          {t('staff.codeFor', { name: issued.staff.name, login: issued.staff.login })}{' '}
          <strong dir="ltr" className="code">
            {issued.activationCode}
          </strong>{' '}
          {t('staff.codeHelp', { at: formatDateTime(issued.expiresAt, locale) })}
        </p>
      ) : null}
      {staff ? (
        <DataTable
          testId="staff-table"
          caption={t('staff.title')}
          columns={[
            t('staff.name'),
            t('staff.login'),
            t('staff.role'),
            t('staff.state'),
            t('staff.lastLogin'),
            t('fleet.actions'),
          ]}
        >
          {staff.map((member) => {
            const actionable = member.state !== 'revoked' && member.id !== me.staff.id;
            return (
              <tr key={member.id} data-testid={`staff-${member.login}`}>
                <th scope="row">{member.name}</th>
                <td dir="ltr">{member.login}</td>
                <td>
                  {actionable ? (
                    <select
                      aria-label={t('staff.roleOf', { name: member.name })}
                      value={member.role}
                      data-testid={`staff-role-${member.login}`}
                      onChange={(event) => api.changeRole(office.officeId, member.id, staffRoleSchema.parse(event.target.value)).then(load, failed)}
                    >
                      {STAFF_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`roles.${member.role}`)
                  )}
                </td>
                <td>{t(`staffStates.${member.state}`)}</td>
                <td>{member.lastLoginAt ? formatDateTime(member.lastLoginAt, locale) : '—'}</td>
                <td>
                  {actionable ? (
                    <div className="buttons">
                      <button type="button" data-testid={`staff-reset-${member.login}`} onClick={() => api.resetPassword(office.officeId, member.id).then(issue, failed)}>
                        {t('staff.reset')}
                      </button>
                      <button type="button" className="danger" data-testid={`staff-revoke-${member.login}`} onClick={() => api.revokeStaff(office.officeId, member.id).then(load, failed)}>
                        {t('staff.revoke')}
                      </button>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : (
        <p aria-busy="true">{t('common.loading')}</p>
      )}
    </section>
  );
}
