/**
 * The hostile suite's own corpus (issue 12): every value class a fuzzer tried against the back
 * office, kept here so the suite does not depend on a fuzzer run. Strings, numbers, structures
 * and wrong types; the raw HTTP attacks are in rawHttp.test.ts.
 */

/** The largest answer any route may give to a hostile request (docs/security.md). */
export const MAX_ANSWER_BYTES = 512 * 1024;
/**
 * A page, script, stylesheet, image or font served as a file (the /verify page's bundle, the
 * console's) is the same bytes whatever the request says, so a hostile value cannot inflate it;
 * it has its own fixed bound.
 */
export const MAX_ASSET_BYTES = 1024 * 1024;
export const STATIC_ASSET = /^(text\/html|text\/css|application\/javascript|text\/javascript|image\/|font\/)/;

/** What a leaked stack trace or internal error looks like in an answer. */
export const STACK_TRACE = /\bat [^\s]+ \(?[^\s)]*:\d+:\d+\)?|node_modules|\.ts:\d+|SqliteError|TypeError|RangeError/;

export const HOSTILE_STRINGS: ReadonlyArray<readonly [string, string]> = [
  ['NUL', 'a\u0000b'],
  ['ANSI escapes', '\u001b[2J\u001b[31mred\u001b]0;title\u0007'],
  ['C1 controls', '\u0085\u009b31m'],
  ['newline and tab inside', 'a\nb\tc'],
  ['a bidi override', 'abc\u202Efdp.exe'],
  ['bidi isolates', '\u2066x\u2069\u2067y\u2069'],
  ['zero-width characters', 'A\u200B\u200C\u200D\uFEFFli'],
  ['invisible only', '\u200B\u200B\u3164'],
  ['tatweel only', 'ـــــ'],
  ['a lone high surrogate', 'x\uD800'],
  ['a lone low surrogate', '\uDC00y'],
  ['decomposed accents', 'Fe\u0301lix'],
  ['untrimmed', '   padded   '],
  ['an empty string', ''],
  ['blank', '   '],
  ['SQL', "Robert'); DROP TABLE requests;--"],
  ['a format string', '%s%s%n%x{0}${7*7}'],
  ['HTML', '<script>alert(1)</script>'],
  ['a path', '../../../../etc/passwd'],
  ['prototype keys as text', '__proto__'],
  ['a long string', 'x'.repeat(70_000)],
  ['long Arabic', 'م'.repeat(5_000)],
  ['emoji with joiners', '👩‍👩‍👧'],
  ['a line separator', 'a\u2028b\u2029c'],
];

export const HOSTILE_NUMBERS: ReadonlyArray<readonly [string, number]> = [
  ['2^32', 2 ** 32],
  ['2^53 + 2', 2 ** 53 + 2],
  ['1e308', 1e308],
  ['negative', -1],
  ['zero', 0],
  ['a fraction', 1.5],
  ['-0', -0],
];

const deep = (levels: number): unknown => (levels === 0 ? 'x' : { a: deep(levels - 1) });

export const HOSTILE_STRUCTURES: ReadonlyArray<readonly [string, unknown]> = [
  ['null', null],
  ['true', true],
  ['an empty object', {}],
  ['an empty array', []],
  ['nested 14 levels (just inside the parser limit)', deep(14)],
  ['a wide object', Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]))],
  ['a wide array', Array.from({ length: 5_000 }, (_, i) => i)],
  ['a key of 600,000 characters (echoed in an error, it would make the answer huge)', { ['k'.repeat(600_000)]: 1 }],
  ['a key of escape sequences', { '\u001b[31m\u202E': 1 }],
  ['an array of strings', ['a', 'b']],
  ['a string that looks like JSON', '{"items":[]}'],
];

/** Every hostile value, named, for one leaf of a body. */
export const HOSTILE_VALUES: ReadonlyArray<readonly [string, unknown]> = [...HOSTILE_STRINGS, ...HOSTILE_NUMBERS, ...HOSTILE_STRUCTURES];

/** Replaces the leaf at `path` (dotted) of a JSON value; the original is left alone. */
export function withLeaf(value: unknown, path: readonly string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((item, i) => (String(i) === head ? withLeaf(item, rest, leaf) : item));
  if (typeof value === 'object' && value !== null) return { ...value, [head]: withLeaf((value as Record<string, unknown>)[head], rest, leaf) };
  return value;
}

/** The dotted paths of every leaf (and every object) of a JSON value. */
export function leafPaths(value: unknown, prefix: readonly string[] = []): string[][] {
  const here = prefix.length ? [[...prefix]] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => leafPaths(item, [...prefix, String(i)]))];
  if (typeof value === 'object' && value !== null) return [...here, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
  return here;
}
