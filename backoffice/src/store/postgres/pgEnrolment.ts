import type pg from 'pg';
import type { EnrolmentGuardStore } from '../enrolmentTypes';
import { firstRow } from './pool';

export function pgEnrolmentGuard(pool: pg.Pool): EnrolmentGuardStore {
  return {
    enrolmentCodeOffice: async (codeHash) =>
      (await firstRow<{ officeId: string }>(pool, 'SELECT office_id AS "officeId" FROM enrolment_codes WHERE code_hash = $1', [codeHash]))?.officeId ?? null,
  };
}
