import type { z } from 'zod';
import type { issueCertificateBodySchema } from '../../../../src/domain/console/certificates';
import type { AssignBody, ChecklistBody, CollectBody, RefuseBody, ReleaseBody, StatusBody } from '../../../../src/domain/console/requestActions';
import type { ConsoleRouteName } from '../../../../src/domain/console/routes';
import type { RequestCommand } from './consoleApi';

type IssueCertificateBody = z.infer<typeof issueCertificateBodySchema>;
type CommandBody = AssignBody | ReleaseBody | ChecklistBody | StatusBody | RefuseBody | CollectBody | IssueCertificateBody;

/** Which console route carries a request page action, and its body (with the version the agent saw). */
export function commandRoute(command: RequestCommand, expectedVersion: number): { route: ConsoleRouteName; body: CommandBody } {
  switch (command.action) {
    case 'assign':
      return { route: 'assign', body: { expectedVersion } };
    case 'release':
      return { route: 'release', body: { expectedVersion } };
    case 'startReview':
      return { route: 'status', body: { expectedVersion, status: 'inReview' } };
    case 'markReady':
      return { route: 'status', body: { expectedVersion, status: 'ready' } };
    case 'issueCertificate':
      return { route: 'certificateIssue', body: { expectedVersion } };
    case 'checkDocument':
      return { route: 'checklist', body: { expectedVersion, index: command.index, checked: command.checked } };
    case 'refuse':
      return { route: 'refuse', body: { expectedVersion, reasonCode: command.reasonCode, ...(command.reason ? { reason: command.reason } : {}) } };
    case 'collect':
      return { route: 'collect', body: { expectedVersion, collector: command.collector } };
  }
}
