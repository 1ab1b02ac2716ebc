import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../src/domain/console/requestDetail';
import { useConsole } from '../app/ConsoleContext';
import { formatDateTime } from '../app/format';

/** The request's whole history, oldest first: created on a kiosk, received, each change with who and why. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation('console');
  const { locale } = useConsole();
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <ol className="timeline" data-testid="timeline">
        {events.map((event, index) => (
          <li key={index} data-kind={event.kind}>
            <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time> <span>{describe(event, t)}</span>
            {event.by ? <span className="muted"> · {t('timeline.by', { name: event.by.name })}</span> : null}
            {event.reason ? (
              <span className="detail" dir="auto">
                {' '}
                — {event.reason}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

type Translate = ReturnType<typeof useTranslation<'console'>>['t'];

function describe(event: TimelineEvent, t: Translate): string {
  switch (event.kind) {
    case 'created':
    case 'received':
      return t(`timeline.${event.kind}`, { kiosk: event.kiosk?.label ?? '—' });
    case 'status':
      return event.status === 'refused' && event.reasonCode
        ? t('timeline.refused', { reason: t(`refusal.${event.reasonCode}`) })
        : t('timeline.status', { status: event.status ? t(`statuses.${event.status}`) : '—' });
    case 'documentChecked':
    case 'documentUnchecked':
      return t(`timeline.${event.kind}`, { number: (event.documentIndex ?? 0) + 1 });
    case 'certificateIssued':
    case 'certificateRevoked':
      return t(`timeline.${event.kind}`, { number: event.certificateNumber ?? '—' });
    case 'collected':
      return event.collector?.kind === 'proxy' ? t('timeline.collectedByProxy', { name: event.collector.name, cin: event.collector.cin }) : t('timeline.collectedByHolder');
    case 'assigned':
    case 'released':
      return t(`timeline.${event.kind}`);
  }
}
