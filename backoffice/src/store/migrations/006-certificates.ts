import type { Migration } from './index';

/**
 * Certificates the chiefs issue: the signed token, the PDF as printed, who issued it, and its
 * revocation. Numbers run per office and per year (`certificate_counters`). Plain SQL types, no
 * STRICT and no SQLite functions, so the PostgreSQL port maps BLOB to bytea and nothing else.
 */
export const certificates: Migration = {
  version: 6,
  name: 'certificates',
  sql: `
    CREATE TABLE certificate_counters (
      office_id TEXT NOT NULL REFERENCES offices(id),
      year INTEGER NOT NULL,
      last_number INTEGER NOT NULL,
      PRIMARY KEY (office_id, year)
    );

    CREATE TABLE certificates (
      number TEXT PRIMARY KEY,
      request_id TEXT NOT NULL REFERENCES requests(id),
      office_id TEXT NOT NULL REFERENCES offices(id),
      service_id TEXT NOT NULL,
      key_id TEXT NOT NULL,
      token TEXT NOT NULL UNIQUE,
      pdf BLOB NOT NULL,
      issued_at TEXT NOT NULL,
      issued_by TEXT NOT NULL,
      revoked_at TEXT,
      revoked_by TEXT,
      revoked_reason TEXT
    );
    -- A request's certificates (a revoked one may be followed by a new one).
    CREATE INDEX certificates_by_request ON certificates (request_id, issued_at);
  `,
};
