import type { Migration } from './index';

/**
 * The retention purge of personal data (law 09-08): a finished request's body is emptied once its
 * retention has passed, and only its SHA-256 is kept, so that a kiosk re-sending it long after
 * (it never got the answer) is still told `duplicate`, and a different body under its id `conflict`.
 */
export const purge: Migration = {
  version: 2,
  name: 'purge',
  sql: `
    ALTER TABLE requests ADD COLUMN body_sha256 TEXT;
    ALTER TABLE requests ADD COLUMN purged_at TEXT;
    -- The purge asks each finished request for the time of its last status change.
    CREATE INDEX status_changes_by_request ON status_changes (request_id, changed_at);
  `,
};
