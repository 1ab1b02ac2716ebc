import type Database from 'better-sqlite3';
import type { Catalogue } from '../../../src/domain/catalogue';
import type { CatalogueStore } from './composedStore';
import { parsedCatalogues } from './parsedCatalogues';
import type { PreparedSql } from './sqliteStatements';

/** An office's catalogue versions; each write runs in one IMMEDIATE transaction. */
export function sqliteCatalogues(db: Database.Database, sql: PreparedSql): CatalogueStore {
  const catalogues = parsedCatalogues();
  return {
    async importCatalogue(officeId: string, catalogue: Catalogue, at: string): Promise<Catalogue> {
      return db
        .transaction(() => {
          const latest = sql<[string], number>('SELECT COALESCE(MAX(version), 0) FROM catalogue_versions WHERE office_id = ?');
          const next: Catalogue = { ...catalogue, version: (latest.pluck().get(officeId) ?? 0) + 1 };
          const insert = sql('INSERT INTO catalogue_versions (office_id, version, body, imported_at) VALUES (?, ?, ?, ?)');
          insert.run(officeId, next.version, JSON.stringify(next), at);
          return next;
        })
        .immediate();
    },

    async replaceCatalogue(officeId: string, catalogue: Catalogue, expectedVersion: number, at: string): Promise<Catalogue | 'version_conflict'> {
      return db
        .transaction((): Catalogue | 'version_conflict' => {
          const latest = sql<[string], number>('SELECT COALESCE(MAX(version), 0) FROM catalogue_versions WHERE office_id = ?');
          if ((latest.pluck().get(officeId) ?? 0) !== expectedVersion) return 'version_conflict';
          const next: Catalogue = { ...catalogue, version: expectedVersion + 1 };
          sql('INSERT INTO catalogue_versions (office_id, version, body, imported_at) VALUES (?, ?, ?, ?)').run(officeId, next.version, JSON.stringify(next), at);
          return next;
        })
        .immediate();
    },

    async getCatalogue(officeId: string, version?: number): Promise<Catalogue | null> {
      const latest = sql<[string], number | null>('SELECT MAX(version) FROM catalogue_versions WHERE office_id = ?');
      const wanted = version ?? latest.pluck().get(officeId);
      if (wanted === null || wanted === undefined) return null;
      const cached = catalogues.get(officeId, wanted);
      if (cached) return cached;
      const select = sql<[string, number], string>('SELECT body FROM catalogue_versions WHERE office_id = ? AND version = ?');
      const body = select.pluck().get(officeId, wanted);
      return body === undefined ? null : catalogues.keep(officeId, wanted, body);
    },

    async cacheCurrentCatalogues(maxOffices: number): Promise<Catalogue[]> {
      const current = sql<[number], { office_id: string; version: number; body: string }>(
        `SELECT c.office_id, c.version, c.body FROM catalogue_versions c JOIN offices o ON o.id = c.office_id
         WHERE o.revoked_at IS NULL AND c.version = (SELECT MAX(version) FROM catalogue_versions WHERE office_id = c.office_id)
         ORDER BY c.office_id LIMIT ?`,
      );
      return current.all(maxOffices).map((row) => catalogues.keep(row.office_id, row.version, row.body));
    },
  };
}
