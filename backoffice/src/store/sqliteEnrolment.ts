import type Database from 'better-sqlite3';
import type { EnrolmentGuardStore } from './enrolmentTypes';

export function sqliteEnrolmentGuard(db: Database.Database): EnrolmentGuardStore {
  const selectOffice = db.prepare<[string], string>('SELECT office_id FROM enrolment_codes WHERE code_hash = ?').pluck();
  return {
    enrolmentCodeOffice: async (codeHash) => selectOffice.get(codeHash) ?? null,
  };
}
