import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentCodeResponse, KioskRow } from '../../../../src/domain/console/fleet';
import { roleAtLeast } from '../../../../src/domain/console/roles';
import { useConsole } from '../app/ConsoleContext';
import { formatBytes, formatDateTime, formatDuration, formatNumber } from '../app/format';
import { DataTable } from '../components/DataTable';

/** The office's kiosks with their last heartbeat's figures; an admin revokes one or makes an enrolment code. */
export function FleetPage() {
  const { t } = useTranslation('console');
  const { api, office, locale } = useConsole();
  const [kiosks, setKiosks] = useState<KioskRow[] | null>(null);
  const [code, setCode] = useState<EnrolmentCodeResponse | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const admin = roleAtLeast(office.role, 'admin');

  const load = useCallback(() => {
    api.kiosks(office.officeId).then(
      (list) => setKiosks(list.kiosks),
      () => setFailed(true),
    );
  }, [api, office.officeId]);
  useEffect(load, [load]);

  const revoke = (kioskId: string) => {
    setConfirming(null);
    api.revokeKiosk(office.officeId, kioskId).then(
      (list) => setKiosks(list.kiosks),
      () => setFailed(true),
    );
  };

  return (
    <section aria-labelledby="fleet-title" data-testid="page-fleet">
      <h1 id="fleet-title">{t('fleet.title')}</h1>
      {admin ? (
        <div className="panel">
          <button type="button" className="primary" data-testid="new-enrolment-code" onClick={() => api.enrolmentCode(office.officeId).then(setCode, () => setFailed(true))}>
            {t('fleet.newCode')}
          </button>
          {code ? (
            <p role="status" data-testid="enrolment-code">
              {t('fleet.codeIs')}{' '}
              <strong dir="ltr" className="code">
                {code.code}
              </strong>{' '}
              {t('fleet.codeExpires', { at: formatDateTime(code.expiresAt, locale) })}
            </p>
          ) : null}
        </div>
      ) : null}
      {failed ? <p role="alert">{t('errors.loadFailed')}</p> : null}
      {kiosks === null ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : kiosks.length === 0 ? (
        <p>{t('fleet.none')}</p>
      ) : (
        <DataTable
          testId="fleet-table"
          caption={t('fleet.title')}
          className="requests fleet"
          columns={[
            t('fleet.kiosk'),
            t('fleet.lastSeen'),
            t('fleet.version'),
            t('fleet.queueDepth'),
            t('fleet.oldestPending'),
            t('fleet.lastSuccess'),
            t('fleet.lastError'),
            t('fleet.printer'),
            t('fleet.freeStorage'),
            admin ? t('fleet.actions') : null,
          ]}
        >
          {kiosks.map((kiosk) => {
            const beat = kiosk.heartbeat;
            return (
              <tr key={kiosk.id} data-testid={`kiosk-${kiosk.id}`} className={kiosk.silent ? 'silent' : undefined}>
                <th scope="row">
                  {kiosk.label} <span className="muted" dir="ltr">({kiosk.trackingPrefix})</span>
                  {kiosk.revokedAt ? <span className="badge">{t('fleet.revoked')}</span> : null}
                  {kiosk.silent ? (
                    <span className="badge overdue" data-testid="kiosk-silent">
                      {t('fleet.silent')}
                    </span>
                  ) : null}
                </th>
                <td>{kiosk.lastSeenAt ? formatDateTime(kiosk.lastSeenAt, locale) : t('fleet.never')}</td>
                <td dir="ltr">{beat?.appVersion ?? '—'}</td>
                <td>{beat ? formatNumber(beat.queueDepth, locale) : '—'}</td>
                <td>{beat?.oldestPendingAgeSeconds == null ? '—' : formatDuration(beat.oldestPendingAgeSeconds, locale)}</td>
                <td>{beat?.lastSuccessAt ? formatDateTime(beat.lastSuccessAt, locale) : '—'}</td>
                <td>{beat?.lastError ? `${beat.lastError.reason} · ${formatDateTime(beat.lastError.at, locale)}` : '—'}</td>
                <td>{beat ? t(`printer.${beat.printer}`) : '—'}</td>
                <td>{beat?.freeStorageBytes == null ? '—' : formatBytes(beat.freeStorageBytes, locale)}</td>
                {admin ? (
                  <td>
                    {kiosk.revokedAt ? null : confirming === kiosk.id ? (
                      <span className="buttons">
                        <button type="button" className="danger" data-testid={`revoke-confirm-${kiosk.id}`} onClick={() => revoke(kiosk.id)}>
                          {t('fleet.revokeConfirm')}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          {t('common.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" data-testid={`revoke-${kiosk.id}`} onClick={() => setConfirming(kiosk.id)}>
                        {t('fleet.revoke')}
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
