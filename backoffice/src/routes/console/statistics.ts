import type { FastifyInstance } from 'fastify';
import { CONSOLE_ROUTES } from '../../../../src/domain/console/routes';
import { statisticsQuerySchema, type Statistics } from '../../../../src/domain/console/statistics';
import { officeOf } from '../../http/consoleAuth';
import { parseOr400 } from '../../http/validate';
import { officeStatistics, statisticsCsv } from '../../service/statistics';
import type { ConsoleDeps } from './deps';

/** The office's figures, as JSON for the chart and as CSV for a spreadsheet. */
export function registerConsoleStatisticsRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get(CONSOLE_ROUTES.statistics.path, { config: { access: 'console' } }, async (request): Promise<Statistics> => {
    const { officeId } = officeOf(request);
    const { from, to } = parseOr400(statisticsQuerySchema, request.query, 'invalid_query');
    return officeStatistics(deps.store, officeId, from, to);
  });

  app.get(CONSOLE_ROUTES.statisticsCsv.path, { config: { access: 'console' } }, async (request, reply) => {
    const { officeId } = officeOf(request);
    const { from, to } = parseOr400(statisticsQuerySchema, request.query, 'invalid_query');
    const csv = await statisticsCsv(deps.store, officeId, from, to);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="statistics-${officeId}-${from}-${to}.csv"`)
      .send(csv);
  });
}
