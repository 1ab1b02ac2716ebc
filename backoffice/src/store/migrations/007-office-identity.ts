import type { Migration } from './index';

/**
 * The office's identity on its kiosks (a name per language, an optional logo), kept as numbered
 * versions like the catalogue so a kiosk asks "newer than mine?". Plain SQL types, so it ports.
 */
export const officeIdentity: Migration = {
  version: 7,
  name: 'office-identity',
  sql: `
    CREATE TABLE office_identity_versions (
      office_id TEXT NOT NULL REFERENCES offices (id),
      version INTEGER NOT NULL,
      body TEXT NOT NULL,
      set_at TEXT NOT NULL,
      PRIMARY KEY (office_id, version)
    );
  `,
};
