import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskRow } from '../../../../src/domain/console/fleet';
import { CHANNELS } from '../../../../src/domain/console/requestRow';
import { localized } from '../../../../src/i18n/format';
import { useConsole } from '../app/ConsoleContext';
import type { QueueFilters } from '../app/queueQuery';
import { knownServices } from '../app/serviceNames';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Search (tracking code, CIN, phone, name) and filters, applied together on Enter or the button. */
export function QueueFiltersForm({ text, filters, onApply }: { text: string; filters: QueueFilters; onApply(text: string, filters: QueueFilters): void }) {
  const { t } = useTranslation('console');
  const { api, locale, office } = useConsole();
  const [kiosks, setKiosks] = useState<KioskRow[]>([]);

  useEffect(() => {
    let current = true;
    api.kiosks(office.officeId).then(
      (found) => current && setKiosks(found.kiosks),
      // Without the list the kiosk filter offers "any" only; the queue itself still shows.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, office.officeId]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const channel = text('channel');
    onApply(text('search'), {
      ...(text('serviceId') ? { serviceId: text('serviceId') } : {}),
      ...(channel === 'kiosk' || channel === 'portal' ? { channel } : {}),
      ...(DAY.test(text('from')) ? { from: text('from') } : {}),
      ...(DAY.test(text('to')) ? { to: text('to') } : {}),
      ...(text('kioskId') ? { kioskId: text('kioskId') } : {}),
    });
  };

  return (
    <form className="queue-filters" role="search" onSubmit={submit} onReset={() => onApply('', {})} data-testid="queue-filters">
      <label className="search">
        {t('queues.search')}
        <input name="search" type="search" defaultValue={text} placeholder={t('queues.searchHint')} data-testid="search" />
      </label>
      <label>
        {t('request.service')}
        <select name="serviceId" defaultValue={filters.serviceId ?? ''} data-testid="filter-service">
          <option value="">{t('queues.any')}</option>
          {knownServices().map((service) => (
            <option key={service.id} value={service.id}>
              {localized(service.name, locale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('request.channel')}
        <select name="channel" defaultValue={filters.channel ?? ''} data-testid="filter-channel">
          <option value="">{t('queues.any')}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channels.${channel}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('queues.from')}
        <input name="from" type="date" defaultValue={filters.from ?? ''} data-testid="filter-from" />
      </label>
      <label>
        {t('queues.to')}
        <input name="to" type="date" defaultValue={filters.to ?? ''} data-testid="filter-to" />
      </label>
      <label>
        {t('request.kiosk')}
        <select name="kioskId" defaultValue={filters.kioskId ?? ''} data-testid="filter-kiosk">
          <option value="">{t('queues.any')}</option>
          {kiosks.map((kiosk) => (
            <option key={kiosk.id} value={kiosk.id}>
              {kiosk.label}
            </option>
          ))}
        </select>
      </label>
      <div className="buttons">
        <button type="submit" className="primary" data-testid="search-submit">
          {t('queues.apply')}
        </button>
        <button type="reset" data-testid="search-clear">
          {t('queues.clear')}
        </button>
      </div>
    </form>
  );
}
