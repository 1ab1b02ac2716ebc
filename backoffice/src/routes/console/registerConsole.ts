import type { FastifyInstance } from 'fastify';
import { registerConsoleCatalogueRoutes } from './catalogueAdmin';
import type { ConsoleDeps } from './deps';
import { registerConsoleEventRoutes } from './events';
import { registerConsoleFleetRoutes } from './fleet';
import { registerConsoleRequestRoutes } from './requests';
import { registerConsoleSessionRoutes } from './session';
import { registerConsoleStaffRoutes } from './staffAdmin';
import { registerConsoleStatisticsRoutes } from './statistics';
import { registerRoutingConsoleRoutes } from '../../routing/consoleRoutes';

/** Every route of CONSOLE_ROUTES (src/domain/console/routes.ts); a test checks that none is missing. */
export function registerConsoleRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  registerConsoleSessionRoutes(app, deps);
  registerConsoleRequestRoutes(app, deps);
  registerConsoleEventRoutes(app, deps);
  registerConsoleStaffRoutes(app, deps);
  registerConsoleFleetRoutes(app, deps);
  registerConsoleStatisticsRoutes(app, deps);
  registerConsoleCatalogueRoutes(app, deps);
  registerRoutingConsoleRoutes(app, deps);
}
