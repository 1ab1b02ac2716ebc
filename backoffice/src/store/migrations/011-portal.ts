import type { Migration } from './index';

/**
 * The citizens' portal (issue 10, docs/portal.md):
 * - `portal_accounts`: a citizen known by a phone number (E.164) or an e-mail address.
 * - `portal_login_codes`: the one outstanding SMS code or e-mail link per address (`sms:+212…`,
 *   `email:…`), kept only as a keyed hash, with its expiry and the wrong tries so far.
 * - `portal_sessions`: bearer sessions (SHA-256 of the token), with idle and absolute expiry.
 * - `portal_installations`: the portal on one browser, stored as a device of the reserved office
 *   `_portal` (revoked from the start so that no kiosk can ever enrol into it), so that its
 *   tracking prefix and its sequence go through the kiosk's push code unchanged. The office row
 *   is written by the first sign-in that makes an installation, not here, so a back office
 *   without portal users lists only its own offices. CLI office ids cannot begin with `_`.
 * - `requests.portal_account_id`: the account a portal request belongs to; emptied (detached)
 *   when the account is deleted. The channel column exists since 005.
 * The office's address and opening hours are part of its identity's JSON body (007): no column.
 */
export const portal: Migration = {
  version: 11,
  name: 'portal',
  sql: `
    CREATE TABLE portal_accounts (
      id TEXT PRIMARY KEY,
      phone TEXT UNIQUE,
      email TEXT UNIQUE,
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    );

    CREATE TABLE portal_login_codes (
      address TEXT PRIMARY KEY,
      secret_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      tries INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE portal_installations (
      device_id TEXT PRIMARY KEY REFERENCES devices (id),
      account_id TEXT REFERENCES portal_accounts (id),
      created_at TEXT NOT NULL
    );
    CREATE INDEX portal_installations_by_account ON portal_installations (account_id);

    CREATE TABLE portal_sessions (
      token_hash TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES portal_accounts (id),
      installation_id TEXT NOT NULL REFERENCES devices (id),
      created_at TEXT NOT NULL,
      idle_expires_at TEXT NOT NULL,
      absolute_expires_at TEXT NOT NULL,
      revoked_at TEXT
    );
    CREATE INDEX portal_sessions_by_account ON portal_sessions (account_id);

    ALTER TABLE requests ADD COLUMN portal_account_id TEXT;
    CREATE INDEX requests_by_portal_account ON requests (portal_account_id);
  `,
};
