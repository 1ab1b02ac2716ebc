import type { OfficeStore } from './composedStore';
import type { PreparedSql } from './sqliteStatements';
import type { Office } from './types';

export function sqliteOffices(sql: PreparedSql): OfficeStore {
  return {
    async createOffice(office: { id: string; name: string; createdAt: string }): Promise<'created' | 'exists'> {
      const insert = sql('INSERT INTO offices (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING');
      const { changes } = insert.run(office.id, office.name, office.createdAt);
      return changes === 1 ? 'created' : 'exists';
    },

    async getOffice(id: string): Promise<Office | null> {
      const select = sql<[string], Office>('SELECT id, name, created_at AS createdAt, revoked_at AS revokedAt FROM offices WHERE id = ?');
      return select.get(id) ?? null;
    },

    async revokeOffice(id: string, at: string): Promise<boolean> {
      return sql('UPDATE offices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
    },
  };
}
