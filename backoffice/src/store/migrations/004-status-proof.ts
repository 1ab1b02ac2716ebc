import type { Migration } from './index';

/**
 * The verifier of a request's status proof (src/domain/statusProof.ts), made by the kiosk that
 * took it and passed on to the office's other kiosks in the changes feed, so that any of them can
 * check offline that a status lookup comes from the holder. A JSON text of two hashes, never the
 * answer or the token; emptied with the body by the retention purge.
 */
export const statusProof: Migration = {
  version: 4,
  name: 'status-proof',
  sql: `
    ALTER TABLE requests ADD COLUMN status_proof TEXT;
  `,
};
