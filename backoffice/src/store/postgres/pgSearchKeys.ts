/**
 * The console's search terms on PostgreSQL (migration 017): one `tsvector` per request,
 * `requests.search_keys`, under a GIN index, in place of a row per term in `request_search_terms`
 * (nine rows and eighteen b-tree entries a request, the largest cost of a push). Each lexeme is
 * the office's id, a colon and the term (`north:amina`), so the index holds the (office, term)
 * key the rows had, and a prefix query (`'north:ami':*`) reads only that office's entries; the
 * query keeps `r.office_id = …` too, so an office id containing a colon cannot widen it. Lexemes
 * are compared byte by byte (as `COLLATE "C"`), whatever the database's locale. Nothing here
 * folds or splits: the terms are those of service/searchTerms.ts, quoted as they are.
 */

/** A lexeme or prefix in tsvector/tsquery input: quoted, its quotes and backslashes doubled. */
function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const keyOf = (officeId: string, term: string) => quoted(`${officeId}:${term}`);

/** A request's search keys as `tsvector` input (duplicates are dropped by the cast). */
export function searchKeysInput(officeId: string, terms: readonly string[]): string {
  return terms.map((term) => keyOf(officeId, term)).join(' ');
}

/** The `tsquery` matching requests of the office with a term starting with every prefix. */
export function searchQueryInput(officeId: string, prefixes: readonly string[]): string {
  return prefixes.map((prefix) => `${keyOf(officeId, prefix)}:*`).join(' & ');
}

/**
 * SQL for `r`'s keys once its personal data is gone: only its tracking code's term, which the
 * purge keeps so that a purged request is still found by its code (as the rows did).
 */
export const TRACKING_KEY_ONLY = `array_to_tsvector(ARRAY(SELECT k FROM unnest(tsvector_to_array(r.search_keys)) AS k
  WHERE k = r.office_id || ':' || lower(replace(r.tracking_code, '-', ''))))`;
