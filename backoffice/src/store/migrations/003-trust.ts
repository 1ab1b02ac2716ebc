import type { Migration } from './index';

/**
 * Issue 12 ("trust nothing"):
 * - `tracking_prefixes`: each kiosk prefix belongs to ONE device (and its office). A prefix is
 *   issued at enrolment, or claimed by a device's push of codes it made before it was enrolled
 *   (a few per device, see MAX_CLAIMED_PREFIXES). Existing devices keep their issued prefix;
 *   prefixes already seen in requests are claimed by a device that used them, so enrolment
 *   never hands them out again.
 * - `requests` rebuilt so that a tracking code is unique per device, not server-wide: no one
 *   can take a code before its kiosk pushes it. Staff look codes up through the prefix's owner.
 * - `requests.clock_flag`: a request whose kiosk clock was outside the tolerated window is kept
 *   (never lost) and flagged `ahead` or `behind`.
 * - `audit_entries.purged_at`: the retention purge empties audit details (free text that may name
 *   a citizen) older than the retention, as it empties finished requests' bodies.
 * The rebuild follows SQLite's documented procedure (foreign keys are off while migrations run,
 * and checked before commit, see migrate.ts).
 */
export const trust: Migration = {
  version: 3,
  name: 'trust',
  sql: `
    CREATE TABLE tracking_prefixes (
      prefix TEXT PRIMARY KEY,
      device_id TEXT NOT NULL REFERENCES devices(id),
      office_id TEXT NOT NULL REFERENCES offices(id),
      claimed_at TEXT NOT NULL,
      issued INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX tracking_prefixes_by_device ON tracking_prefixes (device_id);
    INSERT INTO tracking_prefixes (prefix, device_id, office_id, claimed_at, issued)
      SELECT tracking_prefix, id, office_id, enrolled_at, 1 FROM devices;
    INSERT INTO tracking_prefixes (prefix, device_id, office_id, claimed_at, issued)
      SELECT seen.prefix, seen.device_id, d.office_id, seen.received_at, 0
      FROM (SELECT substr(tracking_code, 1, 3) AS prefix, MIN(device_id) AS device_id, MIN(received_at) AS received_at
            FROM requests GROUP BY substr(tracking_code, 1, 3)) seen
      JOIN devices d ON d.id = seen.device_id
      WHERE seen.prefix NOT IN (SELECT prefix FROM tracking_prefixes);

    CREATE TABLE requests_v3 (
      id TEXT PRIMARY KEY,
      office_id TEXT NOT NULL REFERENCES offices(id),
      device_id TEXT NOT NULL REFERENCES devices(id),
      kiosk_seq INTEGER NOT NULL,
      tracking_code TEXT NOT NULL,
      service_id TEXT NOT NULL,
      body TEXT NOT NULL,
      status TEXT NOT NULL,
      received_at TEXT NOT NULL,
      body_sha256 TEXT,
      purged_at TEXT,
      clock_flag TEXT,
      UNIQUE (device_id, tracking_code)
    ) STRICT;
    INSERT INTO requests_v3 (id, office_id, device_id, kiosk_seq, tracking_code, service_id, body, status, received_at, body_sha256, purged_at)
      SELECT id, office_id, device_id, kiosk_seq, tracking_code, service_id, body, status, received_at, body_sha256, purged_at FROM requests;
    DROP TABLE requests;
    ALTER TABLE requests_v3 RENAME TO requests;
    CREATE INDEX requests_by_tracking_code ON requests (tracking_code);

    ALTER TABLE audit_entries ADD COLUMN purged_at TEXT;
  `,
};
