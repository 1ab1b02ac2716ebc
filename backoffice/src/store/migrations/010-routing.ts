import type { Migration } from './index';

/**
 * Routing (issue 10): each office's directory of the bodies that handle some of its services (a
 * commune of birth, a legalisation office), and each request forwarded to one of them with its
 * reply link's nonce and the body's answer. The delivery itself is a row of the messages outbox
 * (kind `forward`); this table is the forward's state, not a second queue.
 */
export const routing: Migration = {
  version: 10,
  name: 'routing',
  sql: `
    CREATE TABLE routing_bodies (
      id TEXT PRIMARY KEY,
      office_id TEXT NOT NULL REFERENCES offices (id),
      kind TEXT NOT NULL,
      name_ar TEXT NOT NULL,
      name_fr TEXT NOT NULL,
      -- JSON array of commune names; [] takes every request of its kind.
      communes TEXT NOT NULL,
      email TEXT,
      endpoint TEXT,
      created_at TEXT NOT NULL,
      removed_at TEXT
    );
    CREATE INDEX routing_bodies_by_office ON routing_bodies (office_id, kind);

    CREATE TABLE request_forwards (
      id TEXT PRIMARY KEY,
      request_id TEXT NOT NULL REFERENCES requests (id),
      office_id TEXT NOT NULL,
      body_id TEXT NOT NULL REFERENCES routing_bodies (id),
      -- The reply link's nonce: once answered_at is set, a second use is refused.
      nonce TEXT NOT NULL UNIQUE,
      forwarded_at TEXT NOT NULL,
      due_at TEXT,
      sent_at TEXT,
      answered_at TEXT,
      answer TEXT,
      -- The returned document (personal data: emptied by the retention purge with the request).
      document BLOB,
      document_type TEXT,
      UNIQUE (request_id, body_id)
    );
    CREATE INDEX request_forwards_by_office ON request_forwards (office_id, answered_at, due_at);
  `,
  get postgres(): string {
    return this.sql.replaceAll('document BLOB', 'document BYTEA');
  },
};
