import type Database from 'better-sqlite3';
import { officeIdentitySchema, type OfficeIdentity } from '../../../src/domain/officeIdentity';
import type { OfficeIdentityInput, OfficeIdentityStore } from './officeIdentityTypes';

/** OfficeIdentityStore on SQLite: each change a new version row, the newest one served. */
export function sqliteOfficeIdentity(db: Database.Database): OfficeIdentityStore {
  const latestVersion = db.prepare<[string], number>('SELECT COALESCE(MAX(version), 0) FROM office_identity_versions WHERE office_id = ?').pluck();
  const insert = db.prepare('INSERT INTO office_identity_versions (office_id, version, body, set_at) VALUES (?, ?, ?, ?)');
  const latest = db.prepare<[string], string>('SELECT body FROM office_identity_versions WHERE office_id = ? ORDER BY version DESC LIMIT 1').pluck();
  const versions = db.prepare<[], { officeId: string; version: number }>(
    'SELECT office_id AS officeId, MAX(version) AS version FROM office_identity_versions GROUP BY office_id ORDER BY office_id',
  );
  return {
    async setOfficeIdentity(officeId: string, identity: OfficeIdentityInput, at: string): Promise<OfficeIdentity> {
      return db
        .transaction(() => {
          const next = officeIdentitySchema.parse({ ...identity, version: (latestVersion.get(officeId) ?? 0) + 1 });
          insert.run(officeId, next.version, JSON.stringify(next), at);
          return next;
        })
        .immediate();
    },
    async getOfficeIdentity(officeId: string): Promise<OfficeIdentity | null> {
      const body = latest.get(officeId);
      // Parsed on the way out too: a kiosk only ever receives a valid identity.
      return body === undefined ? null : officeIdentitySchema.parse(JSON.parse(body));
    },
    async officeIdentityVersions() {
      return versions.all();
    },
  };
}
