import type pg from 'pg';
import type { OfficeStore } from '../composedStore';
import type { Office } from '../types';
import { firstRow, rowsChanged } from './pool';

export const OFFICE_COLUMNS = `id, name, created_at AS "createdAt", revoked_at AS "revokedAt"`;

export function pgOffices(pool: pg.Pool): OfficeStore {
  return {
    async createOffice(office: { id: string; name: string; createdAt: string }): Promise<'created' | 'exists'> {
      const inserted = await rowsChanged(pool, 'INSERT INTO offices (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
        office.id,
        office.name,
        office.createdAt,
      ]);
      return inserted === 1 ? 'created' : 'exists';
    },

    getOffice(id: string): Promise<Office | null> {
      return firstRow<Office>(pool, `SELECT ${OFFICE_COLUMNS} FROM offices WHERE id = $1`, [id]);
    },

    async revokeOffice(id: string, at: string): Promise<boolean> {
      return (await rowsChanged(pool, 'UPDATE offices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])) === 1;
    },
  };
}
