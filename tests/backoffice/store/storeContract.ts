import { describe } from 'vitest';
import { auditAndRateLimitsContract } from './contract/auditAndRateLimits';
import { changeFeedContract } from './contract/changeFeed';
import { enrolmentContract } from './contract/enrolment';
import { contractKit, type StoreEngine } from './contract/kit';
import { officesContract } from './contract/offices';
import { purgeContract } from './contract/purge';
import { promptRecordingOriginContract } from './contract/promptRecordingOrigin';
import { pushContract } from './contract/push';
import { consoleContract } from './consoleContract';
import { portalContract } from './portalContract';
import { directoryContract } from './directoryContract';

export type { StoreEngine } from './contract/kit';

/**
 * The behaviour every Store must have, written once and run on each engine (as keyv's
 * @keyv/test-suite is run by each adapter). Each concern has its module under contract/; they
 * speak to the store only through its interface: no test reads one engine's tables to check the other.
 */
export function storeContract(engine: StoreEngine): void {
  const kit = contractKit(engine);
  describe(`the ${engine.name} store`, () => {
    describe('console', () => consoleContract(kit));
    describe('routing', () => directoryContract(kit));
    portalContract(kit);
    officesContract(kit);
    enrolmentContract(kit);
    pushContract(kit);
    changeFeedContract(kit);
    purgeContract(kit);
    auditAndRateLimitsContract(kit);
    promptRecordingOriginContract(kit);
  });
}
