import type { ThrottlePolicy } from '../../service/loginThrottle';
import type { CertificateFacts } from '../../service/requestPage';
import type { SessionPolicy } from '../../service/staffSessions';
import type { RouteDeps } from '../deps';

/** What the console's routes receive besides the store and the clock. */
export interface ConsoleDeps extends RouteDeps {
  sessions: SessionPolicy;
  throttle: ThrottlePolicy;
  certificates: CertificateFacts;
}
