import type { Migration } from './index';

/**
 * What the kiosk half of "trust nothing" keeps on the back office:
 * - `requests.status_proof`: the verifier of a request's status proof (src/domain/statusProof.ts),
 *   made by the kiosk that took it and passed on to the office's other kiosks in the changes
 *   feed, so that any of them can check offline that a lookup comes from the holder. A JSON text
 *   of two hashes, never the answer or the token; emptied with the body by the retention purge.
 * - `devices.replaced_by`: a tablet enrolled again (proving it with its previous token) replaces
 *   its old device, which is revoked and points to its successor, instead of a second device
 *   beside it.
 */
export const kioskTrust: Migration = {
  version: 4,
  name: 'kiosk-trust',
  sql: `
    ALTER TABLE requests ADD COLUMN status_proof TEXT;
    ALTER TABLE devices ADD COLUMN replaced_by TEXT;
  `,
};
