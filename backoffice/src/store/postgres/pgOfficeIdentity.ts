import type pg from 'pg';
import { officeIdentitySchema, type OfficeIdentity } from '../../../../src/domain/officeIdentity';
import type { OfficeIdentityInput, OfficeIdentityStore } from '../officeIdentityTypes';
import { inTransaction } from './pool';

/** OfficeIdentityStore on PostgreSQL: each change a new version row, the newest one served. */
export function pgOfficeIdentity(pool: pg.Pool): OfficeIdentityStore {
  return {
    setOfficeIdentity: (officeId: string, identity: OfficeIdentityInput, at: string) =>
      inTransaction(pool, async (client): Promise<OfficeIdentity> => {
        // The office row is the lock: two administrators (on two instances) number their versions in turn.
        await client.query('SELECT 1 FROM offices WHERE id = $1 FOR UPDATE', [officeId]);
        const { rows } = await client.query<{ latest: number }>(
          'SELECT COALESCE(MAX(version), 0) AS latest FROM office_identity_versions WHERE office_id = $1',
          [officeId],
        );
        const next = officeIdentitySchema.parse({ ...identity, version: (rows[0]?.latest ?? 0) + 1 });
        await client.query('INSERT INTO office_identity_versions (office_id, version, body, set_at) VALUES ($1, $2, $3, $4)', [
          officeId,
          next.version,
          JSON.stringify(next),
          at,
        ]);
        return next;
      }),
    async getOfficeIdentity(officeId: string): Promise<OfficeIdentity | null> {
      const { rows } = await pool.query<{ body: string }>(
        'SELECT body FROM office_identity_versions WHERE office_id = $1 ORDER BY version DESC LIMIT 1',
        [officeId],
      );
      // Parsed on the way out too: a kiosk only ever receives a valid identity.
      return rows[0] ? officeIdentitySchema.parse(JSON.parse(rows[0].body)) : null;
    },
    async officeIdentityVersions() {
      const { rows } = await pool.query<{ officeId: string; version: number }>(
        'SELECT office_id AS "officeId", MAX(version)::integer AS version FROM office_identity_versions GROUP BY office_id ORDER BY office_id COLLATE "C"',
      );
      return rows;
    },
  };
}
