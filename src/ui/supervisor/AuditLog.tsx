import { useCallback, useEffect, useState } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import type { AuditRow, SupervisorServices } from '../../supervisor/types';
import { formatTimestamp } from './format';

const PAGE = 50;

/** The append-only audit log, newest first, a page at a time. */
export function AuditLog({ services }: { services: SupervisorServices }) {
  const { t, language } = useSupervisorTranslation();
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [complete, setComplete] = useState(false);

  const append = useCallback((page: AuditRow[], replace: boolean) => {
    setRows((previous) => (replace ? page : [...(previous ?? []), ...page]));
    setComplete(page.length < PAGE);
  }, []);
  useEffect(() => {
    let live = true;
    void services.auditLog.page(PAGE).then((page) => live && append(page, true));
    return () => {
      live = false;
    };
  }, [services, append]);
  const more = async (before: number | undefined) => append(await services.auditLog.page(PAGE, before), false);

  return (
    <section className="sv-area" aria-labelledby="sv-audit-title">
      <h2 id="sv-audit-title">{t('audit.title')}</h2>
      {rows === null ? (
        <p role="status">{t('audit.loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <table className="sv-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{formatTimestamp(row.at, language)}</td>
                <td>{t(`auditActions.${row.action}`, { defaultValue: row.action })}</td>
                <td dir="ltr">{row.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows !== null && !complete && (
        <button type="button" className="sv-button" onClick={() => void more(rows.at(-1)?.at)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
