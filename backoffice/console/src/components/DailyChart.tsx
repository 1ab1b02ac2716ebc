import { useTranslation } from 'react-i18next';
import type { Statistics } from '../../../../src/domain/console/statistics';
import { useConsole } from '../app/ConsoleContext';
import { formatDay, formatNumber } from '../app/format';

const WIDTH = 880;
const HEIGHT = 220;
const AXIS = 28;

/**
 * Requests per day as an inline SVG bar chart (no charting library: one chart, a few dozen bars).
 * The table beside it (StatisticsPage) carries the same figures for screen readers.
 */
export function DailyChart({ perDay }: { perDay: Statistics['perDay'] }) {
  const { t } = useTranslation('console');
  const { locale } = useConsole();
  const highest = Math.max(1, ...perDay.map((day) => day.received));
  const slot = (WIDTH - AXIS) / Math.max(1, perDay.length);
  const bar = Math.max(2, slot * 0.7);
  // Every label would overlap beyond a dozen days: label about ten of them.
  const labelEvery = Math.max(1, Math.ceil(perDay.length / 10));
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-labelledby="chart-title" data-testid="daily-chart">
      <title id="chart-title">{t('statistics.chartTitle')}</title>
      <line x1={AXIS} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="axis" />
      <text x={AXIS - 4} y={12} textAnchor="end" className="tick">
        {formatNumber(highest, locale)}
      </text>
      {perDay.map((day, index) => {
        const height = (day.received / highest) * (HEIGHT - 16);
        const x = AXIS + index * slot + (slot - bar) / 2;
        return (
          <g key={day.day}>
            <rect x={x} y={HEIGHT - height} width={bar} height={height} className="bar">
              <title>{`${formatDay(day.day, locale)}: ${formatNumber(day.received, locale)}`}</title>
            </rect>
            {index % labelEvery === 0 ? (
              <text x={x + bar / 2} y={HEIGHT + 18} textAnchor="middle" className="tick">
                {formatDay(day.day, locale)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
