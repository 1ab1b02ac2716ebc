import type { RunningKioskServer } from '../../../scripts/kioskServer';
import { lastNonEmptyLine } from '../../../scripts/processes';
import { startBackoffice, type RunningBackoffice } from './backofficeProcess';
import { startKioskServer } from './kiosk';

/** The real back office with its demo office, and the built kiosk served to enrol itself there. */
export interface DemoOffice {
  backoffice: RunningBackoffice;
  /** Serves the kiosk with the back office's address and a demo enrolment code in its config. */
  server: RunningKioskServer;
  stop(): Promise<void>;
}

/** What `npm start` sets up on a fresh clone, for one test file. `port`: keep the kiosk's origin across relaunches. */
export async function startDemoOffice(options: { port?: number } = {}): Promise<DemoOffice> {
  const backoffice = await startBackoffice();
  const code = lastNonEmptyLine(await backoffice.cli(['demo-setup']));
  const server = await startKioskServer({ backofficeUrl: backoffice.url, ...(code ? { demoEnrolmentCode: code } : {}), ...(options.port ? { port: options.port } : {}) });
  return {
    backoffice,
    server,
    async stop() {
      await server.close();
      await backoffice.stop();
    },
  };
}
