import { useTranslation } from 'react-i18next';
import { QUEUE_IDS, type QueueCounts, type QueueId } from '../../../../src/domain/console/queues';
import { useConsole } from '../app/ConsoleContext';
import { formatNumber } from '../app/format';

/** One button per queue with its count; the pressed one is on screen (none while searching). */
export function QueueTabs({ current, counts, onChoose }: { current: QueueId | null; counts: QueueCounts | null; onChoose(queue: QueueId): void }) {
  const { t } = useTranslation('console');
  const { locale } = useConsole();
  return (
    <div className="queue-tabs" role="group" aria-label={t('queues.choose')}>
      {QUEUE_IDS.map((queue) => (
        <button key={queue} type="button" aria-pressed={queue === current} data-testid={`queue-${queue}`} onClick={() => onChoose(queue)}>
          <span>{t(`queue.${queue}`)}</span>
          <span className="count" data-testid={`queue-count-${queue}`}>
            {counts ? formatNumber(counts.counts[queue], locale) : '…'}
          </span>
        </button>
      ))}
    </div>
  );
}
