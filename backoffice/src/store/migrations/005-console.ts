import type { Migration } from './index';

/**
 * The office console (issue 9): staff accounts with a role per office, server-side sessions,
 * login throttling that survives a restart, the staff audit log, the request's working state
 * (holder, version, checklist, search terms, due date), its timeline of events (also the
 * office's change feed), kiosk heartbeats. The global staff tokens of 001 are retired.
 *
 * Plain types and standard SQL, so the PostgreSQL port reads it one table at a time; times are
 * ISO-8601 UTC text, which sorts as time.
 */
export const consoleMigration: Migration = {
  version: 5,
  name: 'console',
  sql: `
    DROP TABLE staff;

    CREATE TABLE staff_accounts (
      id TEXT PRIMARY KEY,
      login TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      -- argon2id PHC string; null until the person chose a password, and again after a reset.
      password_hash TEXT,
      -- SHA-256 of the one-time activation code, while one is outstanding.
      activation_hash TEXT UNIQUE,
      activation_expires_at TEXT,
      created_at TEXT NOT NULL,
      last_login_at TEXT,
      revoked_at TEXT
    );

    CREATE TABLE staff_roles (
      staff_id TEXT NOT NULL REFERENCES staff_accounts(id),
      office_id TEXT NOT NULL REFERENCES offices(id),
      role TEXT NOT NULL,
      granted_at TEXT NOT NULL,
      revoked_at TEXT,
      PRIMARY KEY (staff_id, office_id)
    );
    CREATE INDEX staff_roles_by_office ON staff_roles (office_id);

    CREATE TABLE staff_sessions (
      -- SHA-256 of the cookie's token: a copy of the database opens no session.
      token_hash TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff_accounts(id),
      csrf_token TEXT NOT NULL,
      created_at TEXT NOT NULL,
      idle_expires_at TEXT NOT NULL,
      absolute_expires_at TEXT NOT NULL,
      revoked_at TEXT
    );
    CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

    -- Failed logins per key ('account:<id>' or 'address:<ip>'), counted in a window; a lock holds until locked_until.
    CREATE TABLE login_throttle (
      throttle_key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      window_started_at TEXT NOT NULL,
      locked_until TEXT
    );

    CREATE TABLE staff_audit (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      staff_id TEXT,
      office_id TEXT,
      action TEXT NOT NULL,
      request_id TEXT,
      detail TEXT NOT NULL
    );
    CREATE INDEX staff_audit_by_office ON staff_audit (office_id, seq);

    ALTER TABLE requests ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE requests ADD COLUMN assignee_id TEXT REFERENCES staff_accounts(id);
    ALTER TABLE requests ADD COLUMN status_at TEXT;
    ALTER TABLE requests ADD COLUMN due_at TEXT;
    ALTER TABLE requests ADD COLUMN channel TEXT NOT NULL DEFAULT 'kiosk';
    -- 0 until the request's search terms are written (at ingest; at start-up for requests older than this migration).
    ALTER TABLE requests ADD COLUMN search_indexed INTEGER NOT NULL DEFAULT 0;
    UPDATE requests SET status_at = (SELECT MAX(c.changed_at) FROM status_changes c WHERE c.request_id = requests.id);
    UPDATE requests SET status_at = received_at WHERE status_at IS NULL;

    -- The queues: one office, one status, in order of reception (id breaks ties: a batch shares
    -- its reception time); "mine" by holder; overdue counted per open status; search results by date.
    CREATE INDEX requests_queue ON requests (office_id, status, received_at, id);
    CREATE INDEX requests_queue_by_assignee ON requests (office_id, assignee_id, status, received_at, id);
    CREATE INDEX requests_due ON requests (office_id, status, due_at);
    CREATE INDEX requests_by_office_received ON requests (office_id, received_at, id);

    ALTER TABLE status_changes ADD COLUMN reason_code TEXT;

    -- Folded search terms (name words, CIN, phone, tracking code), matched by prefix.
    CREATE TABLE request_search_terms (
      office_id TEXT NOT NULL,
      term TEXT NOT NULL,
      request_id TEXT NOT NULL REFERENCES requests(id),
      PRIMARY KEY (office_id, term, request_id)
    );
    CREATE INDEX request_search_terms_by_request ON request_search_terms (request_id, term);

    CREATE TABLE request_checklist (
      request_id TEXT NOT NULL REFERENCES requests(id),
      doc_index INTEGER NOT NULL,
      checked INTEGER NOT NULL,
      staff_id TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (request_id, doc_index)
    );

    -- The request's timeline, and the office's change feed (by seq).
    CREATE TABLE request_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      request_id TEXT NOT NULL REFERENCES requests(id),
      office_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      staff_id TEXT,
      status TEXT NOT NULL,
      reason_code TEXT,
      reason TEXT,
      -- JSON of the other details of its kind (checklist index, collector, certificate number).
      detail TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX request_events_by_office ON request_events (office_id, seq);
    CREATE INDEX request_events_by_request ON request_events (request_id, seq);
    INSERT INTO request_events (request_id, office_id, kind, at, staff_id, status, reason)
      SELECT request_id, office_id, CASE WHEN status = 'received' THEN 'received' ELSE 'status' END, changed_at, NULL, status, reason
      FROM status_changes ORDER BY seq;

    CREATE TABLE device_heartbeats (
      device_id TEXT PRIMARY KEY REFERENCES devices(id),
      body TEXT NOT NULL,
      received_at TEXT NOT NULL
    );
  `,
};
