import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueAdmin, CatalogueServiceRow, ServiceEdit } from '../../../../src/domain/console/catalogueAdmin';
import { isConflict } from '../api/consoleApi';
import { useConsole } from '../app/ConsoleContext';
import { formatNumber } from '../app/format';
import { ServiceEditForm } from '../components/ServiceEditForm';
import { DataTable } from '../components/DataTable';

type Notice = { kind: 'done'; version: number } | { kind: 'conflict' } | { kind: 'failed' };

/** An admin's page: the office's services as its kiosks offer them; each one switched on or off, or edited. */
export function CataloguePage() {
  const { t } = useTranslation('console');
  const { api, office, locale } = useConsole();
  const [catalogue, setCatalogue] = useState<CatalogueAdmin | null>(null);
  const [missing, setMissing] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const load = useCallback(() => {
    api.catalogue(office.officeId).then(setCatalogue, () => setMissing(true));
  }, [api, office.officeId]);
  useEffect(load, [load]);

  const save = (serviceId: string, edit: ServiceEdit) => {
    setBusy(true);
    api.editService(office.officeId, serviceId, edit).then(
      (saved) => {
        setCatalogue(saved);
        setEditing(null);
        setNotice({ kind: 'done', version: saved.version });
      },
      (failure: unknown) => {
        // A conflict shows the catalogue as it now is; the admin makes the change again over it.
        if (isConflict(failure)) {
          setEditing(null);
          load();
        }
        setNotice(isConflict(failure) ? { kind: 'conflict' } : { kind: 'failed' });
      },
    ).finally(() => setBusy(false));
  };
  const toggle = (service: CatalogueServiceRow, version: number) =>
    save(service.id, { expectedVersion: version, active: !service.active, delay: service.delay, delayDays: service.delayDays, fee: service.fee, documents: service.documents });

  const fee = (service: CatalogueServiceRow) => {
    const amount = service.fee.amountMad;
    const shown = amount === null ? t('catalogue.askAtCounter') : amount === 0 ? t('catalogue.free') : t('catalogue.amount', { amount: formatNumber(amount, locale) });
    return service.fee.confirmed ? shown : `${shown} (${t('catalogue.unconfirmed')})`;
  };
  const editingService = catalogue?.services.find((service) => service.id === editing) ?? null;

  return (
    <section aria-labelledby="catalogue-title" data-testid="page-catalogue">
      <h1 id="catalogue-title">{t('catalogue.title')}</h1>
      <p>{t('catalogue.intro')}</p>
      {notice ? (
        <p role={notice.kind === 'done' ? 'status' : 'alert'} className={`notice ${notice.kind}`} data-testid="catalogue-notice">
          {notice.kind === 'done' ? t('catalogue.saved', { version: notice.version }) : notice.kind === 'conflict' ? t('catalogue.conflict') : t('errors.actionFailed')}
        </p>
      ) : null}
      {catalogue === null ? (
        missing ? <p>{t('catalogue.none')}</p> : <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        <>
          <p data-testid="catalogue-version">{t('catalogue.version', { version: catalogue.version })}</p>
          {editingService ? (
            <section className="panel" aria-labelledby="service-edit-title" data-testid="service-edit">
              <h2 id="service-edit-title">{t('catalogue.editTitle', { name: editingService.name[locale] })}</h2>
              <ServiceEditForm
                key={`${editingService.id}-${catalogue.version}`}
                service={editingService}
                version={catalogue.version}
                busy={busy}
                onSave={(edit) => save(editingService.id, edit)}
                onCancel={() => setEditing(null)}
              />
            </section>
          ) : null}
          <DataTable
            testId="catalogue-table"
            caption={t('catalogue.title')}
            columns={[
              t('catalogue.service'),
              t('catalogue.state'),
              t('catalogue.delay'),
              t('catalogue.fee'),
              t('catalogue.documents'),
              t('fleet.actions'),
            ]}
          >
            {catalogue.services.map((service) => (
              <tr key={service.id} data-testid={`catalogue-${service.id}`} className={service.active ? undefined : 'inactive'}>
                <th scope="row">
                  {service.name[locale]}
                  {service.issuesCertificate ? <small className="hint"> · {t('catalogue.certificate')}</small> : null}
                </th>
                <td data-testid={`catalogue-state-${service.id}`}>{service.active ? t('catalogue.active') : t('catalogue.inactive')}</td>
                <td>
                  {service.delay[locale]}
                  {service.delayDays !== null ? ` (${t('catalogue.days', { count: service.delayDays })})` : null}
                </td>
                <td>{fee(service)}</td>
                <td>{service.documents.length === 0 ? t('catalogue.noDocuments') : service.documents.map((document) => document[locale]).join(' · ')}</td>
                <td>
                  <div className="buttons">
                    <button type="button" aria-label={t('catalogue.editOf', { name: service.name[locale] })} onClick={() => setEditing(service.id)} data-testid={`catalogue-edit-${service.id}`}>
                      {t('catalogue.edit')}
                    </button>
                    <button type="button" disabled={busy} onClick={() => toggle(service, catalogue.version)} data-testid={`catalogue-toggle-${service.id}`}>
                      {service.active ? t('catalogue.deactivate') : t('catalogue.activate')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
