import type pg from 'pg';
import type { Catalogue } from '../../../../src/domain/catalogue';
import type { CatalogueStore } from '../composedStore';
import { parsedCatalogues } from '../parsedCatalogues';
import { firstRow, inTransaction, type Queryable } from './pool';

/** The office's next catalogue version, numbered under the office row's lock. */
async function insertNextVersion(client: Queryable, officeId: string, catalogue: Catalogue, version: number, at: string): Promise<Catalogue> {
  const next: Catalogue = { ...catalogue, version };
  await client.query('INSERT INTO catalogue_versions (office_id, version, body, imported_at) VALUES ($1, $2, $3, $4)', [
    officeId,
    next.version,
    JSON.stringify(next),
    at,
  ]);
  return next;
}

/** The latest stored version, 0 for none, read after the office row is locked (two writers for one office go in turn). */
async function lockedLatestVersion(client: Queryable, officeId: string): Promise<number> {
  await client.query('SELECT 1 FROM offices WHERE id = $1 FOR UPDATE', [officeId]);
  const { rows } = await client.query<{ latest: number }>('SELECT COALESCE(MAX(version), 0) AS latest FROM catalogue_versions WHERE office_id = $1', [
    officeId,
  ]);
  return rows[0]?.latest ?? 0;
}

export function pgCatalogues(pool: pg.Pool): CatalogueStore {
  const catalogues = parsedCatalogues();
  return {
    importCatalogue(officeId: string, catalogue: Catalogue, at: string): Promise<Catalogue> {
      return inTransaction(pool, async (client) => insertNextVersion(client, officeId, catalogue, (await lockedLatestVersion(client, officeId)) + 1, at));
    },

    replaceCatalogue(officeId: string, catalogue: Catalogue, expectedVersion: number, at: string): Promise<Catalogue | 'version_conflict'> {
      return inTransaction(pool, async (client): Promise<Catalogue | 'version_conflict'> => {
        // The check and the insert see the same latest version.
        if ((await lockedLatestVersion(client, officeId)) !== expectedVersion) return 'version_conflict';
        return insertNextVersion(client, officeId, catalogue, expectedVersion + 1, at);
      });
    },

    async getCatalogue(officeId: string, version?: number): Promise<Catalogue | null> {
      const wanted =
        version ?? (await firstRow<{ latest: number | null }>(pool, 'SELECT MAX(version) AS latest FROM catalogue_versions WHERE office_id = $1', [officeId]))?.latest;
      if (wanted === null || wanted === undefined) return null;
      const cached = catalogues.get(officeId, wanted);
      if (cached) return cached;
      const row = await firstRow<{ body: string }>(pool, 'SELECT body FROM catalogue_versions WHERE office_id = $1 AND version = $2', [officeId, wanted]);
      return row ? catalogues.keep(officeId, wanted, row.body) : null;
    },

    async cacheCurrentCatalogues(maxOffices: number): Promise<Catalogue[]> {
      const { rows } = await pool.query<{ office_id: string; version: number; body: string }>(
        `SELECT DISTINCT ON (c.office_id) c.office_id, c.version, c.body
         FROM catalogue_versions c JOIN offices o ON o.id = c.office_id
         WHERE o.revoked_at IS NULL ORDER BY c.office_id, c.version DESC LIMIT $1`,
        [maxOffices],
      );
      return rows.map((row) => catalogues.keep(row.office_id, row.version, row.body));
    },
  };
}
