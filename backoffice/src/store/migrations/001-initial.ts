import type { Migration } from './index';

/** The first schema: offices, catalogues, enrolment, devices, staff, requests, the status log, the audit log. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE offices (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    ) STRICT;

    CREATE TABLE catalogue_versions (
      office_id TEXT NOT NULL REFERENCES offices(id),
      version INTEGER NOT NULL,
      body TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      PRIMARY KEY (office_id, version)
    ) STRICT;

    CREATE TABLE enrolment_codes (
      code_hash TEXT PRIMARY KEY,
      office_id TEXT NOT NULL REFERENCES offices(id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT,
      used_by_device TEXT
    ) STRICT;

    CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      office_id TEXT NOT NULL REFERENCES offices(id),
      label TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      tracking_prefix TEXT NOT NULL UNIQUE,
      enrolled_at TEXT NOT NULL,
      revoked_at TEXT,
      last_kiosk_seq INTEGER NOT NULL DEFAULT 0,
      kiosk_seq_gaps INTEGER NOT NULL DEFAULT 0,
      kiosk_seq_replays INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    ) STRICT;

    CREATE TABLE requests (
      id TEXT PRIMARY KEY,
      office_id TEXT NOT NULL REFERENCES offices(id),
      device_id TEXT NOT NULL REFERENCES devices(id),
      kiosk_seq INTEGER NOT NULL,
      tracking_code TEXT NOT NULL UNIQUE,
      service_id TEXT NOT NULL,
      body TEXT NOT NULL,
      status TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) STRICT;

    -- AUTOINCREMENT: a sequence number is never reused, even after a delete, so a kiosk cursor stays meaningful.
    CREATE TABLE status_changes (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      request_id TEXT NOT NULL REFERENCES requests(id),
      office_id TEXT NOT NULL,
      status TEXT NOT NULL,
      reason TEXT,
      changed_at TEXT NOT NULL,
      changed_by TEXT NOT NULL
    );
    CREATE INDEX status_changes_by_office ON status_changes (office_id, seq);

    CREATE TABLE audit_entries (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL REFERENCES devices(id),
      office_id TEXT NOT NULL,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) STRICT;
  `,  // The same tables without STRICT; the change log numbered by an identity column (never reused).
  postgres: `
    CREATE TABLE offices (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    );

    CREATE TABLE catalogue_versions (
      office_id TEXT NOT NULL REFERENCES offices(id),
      version INTEGER NOT NULL,
      body TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      PRIMARY KEY (office_id, version)
    );

    CREATE TABLE enrolment_codes (
      code_hash TEXT PRIMARY KEY,
      office_id TEXT NOT NULL REFERENCES offices(id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT,
      used_by_device TEXT
    );

    CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      office_id TEXT NOT NULL REFERENCES offices(id),
      label TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      tracking_prefix TEXT NOT NULL UNIQUE,
      enrolled_at TEXT NOT NULL,
      revoked_at TEXT,
      last_kiosk_seq BIGINT NOT NULL DEFAULT 0,
      kiosk_seq_gaps BIGINT NOT NULL DEFAULT 0,
      kiosk_seq_replays BIGINT NOT NULL DEFAULT 0
    );

    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    );

    CREATE TABLE requests (
      id TEXT PRIMARY KEY,
      office_id TEXT NOT NULL REFERENCES offices(id),
      device_id TEXT NOT NULL REFERENCES devices(id),
      kiosk_seq BIGINT NOT NULL,
      tracking_code TEXT NOT NULL UNIQUE,
      service_id TEXT NOT NULL,
      body TEXT NOT NULL,
      status TEXT NOT NULL,
      received_at TEXT NOT NULL
    );

    CREATE TABLE status_changes (
      seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      request_id TEXT NOT NULL REFERENCES requests(id),
      office_id TEXT NOT NULL,
      status TEXT NOT NULL,
      reason TEXT,
      changed_at TEXT NOT NULL,
      changed_by TEXT NOT NULL
    );
    CREATE INDEX status_changes_by_office ON status_changes (office_id, seq);

    CREATE TABLE audit_entries (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL REFERENCES devices(id),
      office_id TEXT NOT NULL,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT NOT NULL,
      received_at TEXT NOT NULL
    );
  `,
};
