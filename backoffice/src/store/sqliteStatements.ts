import type Database from 'better-sqlite3';

export type PreparedSql = <P extends unknown[] = unknown[], R = unknown>(source: string) => Database.Statement<P, R>;

/** Each statement is prepared once, on first use (the token lookup runs on every request). */
export function preparedOnce(db: Database.Database): PreparedSql {
  const statements = new Map<string, Database.Statement>();
  return <P extends unknown[] = unknown[], R = unknown>(source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      statement = db.prepare(source);
      statements.set(source, statement);
    }
    return statement as Database.Statement<P, R>;
  };
}
