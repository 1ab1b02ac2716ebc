import type Database from 'better-sqlite3';
import { isCleanFreeText } from '../../../src/domain/text';

/** Large enough for a stored request body's longest field; the rule's own maxima are checked where the values are made. */
const ANY_LENGTH = { max: 1_000_000 };

function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsOf(item);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* stringsOf(item);
    }
  }
}

function parsedJson(text: string): unknown {
  if (!/^[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Every text value of every table (and every string inside stored JSON) that breaks the shared
 * text rule: not NFC, untrimmed, or carrying control, format or lone surrogate characters. Empty
 * values are allowed (an optional field, a purged body). Walks the tables the database has, so
 * tables added later are checked too. Returns `table.column: value` descriptions.
 */
export function uncleanStoredText(db: Database.Database): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const found: string[] = [];
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        const json = parsedJson(value);
        const strings = json === undefined ? [value] : [...stringsOf(json)];
        for (const text of strings) {
          if (text !== '' && !isCleanFreeText(text, ANY_LENGTH)) found.push(`${table}.${column}: ${JSON.stringify(text).slice(0, 80)}`);
        }
      }
    }
  }
  return found;
}
