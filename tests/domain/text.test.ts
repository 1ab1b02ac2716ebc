import { describe, expect, it } from 'vitest';
import { checkFreeText, escapeInvisible, freeTextSchema, isCleanFreeText, type FreeTextErrorCode, type FreeTextRule } from '../../src/domain/text';

const NAME: FreeTextRule = { max: 20, letterRequired: true };
const TEXT: FreeTextRule = { max: 20 };

describe('the shared free-text rule', () => {
  it.each<[string, FreeTextRule, string, string]>([
    ['trims spaces around a name', NAME, '  Mohammed  ', 'Mohammed'],
    ['trims no-break and ideographic spaces', NAME, '\u00A0Amina\u3000', 'Amina'],
    ['composes to NFC', NAME, 'Fe\u0301lix', 'Félix'],
    ['folds Arabic presentation forms to letters', NAME, '\uFEE3\uFEA4\uFEE4\uFEA9', 'محمد'],
    ['keeps Arabic text as typed', NAME, 'محمد العلوي', 'محمد العلوي'],
    ['keeps Tifinagh', NAME, 'ⵎⵓⵃⵎⵎⴷ', 'ⵎⵓⵃⵎⵎⴷ'],
    ['keeps a tatweel inside a real word', NAME, 'مـحمد', 'مـحمد'],
    ['keeps emoji outside the BMP (paired surrogates)', TEXT, 'ok 😀', 'ok 😀'],
    ['lets a non-name be digits only', TEXT, '12345', '12345'],
    ['accepts exactly the maximum', TEXT, 'x'.repeat(20), 'x'.repeat(20)],
    ['trims a leading byte-order mark', TEXT, '\uFEFFabc', 'abc'],
    ['measures the maximum after trimming', TEXT, ` ${'x'.repeat(20)} `, 'x'.repeat(20)],
  ])('%s', (_label, rule, raw, cleaned) => {
    expect(checkFreeText(raw, rule)).toEqual({ ok: true, value: cleaned });
  });

  it.each<[string, FreeTextRule, string, FreeTextErrorCode]>([
    ['an empty value', TEXT, '', 'empty'],
    ['spaces only', TEXT, '   \t ', 'empty'],
    ['one character over the maximum', TEXT, 'x'.repeat(21), 'tooLong'],
    ['a huge value, without cleaning it', TEXT, ' '.repeat(1_000_000), 'tooLong'],
    ['NUL', TEXT, 'a\u0000b', 'forbiddenCharacter'],
    ['an ANSI escape sequence', TEXT, 'kiosk \u001b[31mred', 'forbiddenCharacter'],
    ['a newline inside the text', TEXT, 'a\nb', 'forbiddenCharacter'],
    ['DEL and C1 controls', TEXT, 'a\u0085b', 'forbiddenCharacter'],
    ['a right-to-left override', TEXT, 'abc\u202Efdp.exe', 'forbiddenCharacter'],
    ['a bidi isolate', TEXT, '\u2067x\u2069', 'forbiddenCharacter'],
    ['a zero-width space', NAME, 'Ali\u200B', 'forbiddenCharacter'],
    ['a zero-width joiner', NAME, 'A\u200Dli', 'forbiddenCharacter'],
    ['a byte-order mark inside the text', TEXT, 'ab\uFEFFc', 'forbiddenCharacter'],
    ['a lone high surrogate', TEXT, 'a\uD800', 'forbiddenCharacter'],
    ['a lone low surrogate', TEXT, '\uDC00a', 'forbiddenCharacter'],
    ['a line separator', TEXT, 'a\u2028b', 'forbiddenCharacter'],
    ['a name made of tatweel', NAME, 'ـــ', 'noLetter'],
    ['a name made of Hangul fillers', NAME, '\u3164\u3164', 'noLetter'],
    ['a name made of digits', NAME, '123', 'noLetter'],
    ['a name made of combining marks', NAME, '\u0301\u0301', 'noLetter'],
    ['a name made of braille blanks', NAME, '\u2800\u2800', 'noLetter'],
  ])('refuses %s', (_label, rule, raw, code) => {
    expect(checkFreeText(raw, rule)).toEqual({ ok: false, code, max: rule.max });
  });

  it('tells a stored value that is already clean from one that is not', () => {
    expect(isCleanFreeText('Amina', NAME)).toBe(true);
    expect(isCleanFreeText(' Amina', NAME)).toBe(false);
    expect(isCleanFreeText('Fe\u0301lix', NAME)).toBe(false);
  });

  it('as a zod schema, outputs the cleaned value or an issue carrying the code', () => {
    const schema = freeTextSchema(NAME);
    expect(schema.parse('  Amina ')).toBe('Amina');
    const failed = schema.safeParse('a\u202Eb');
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toBe('forbiddenCharacter');
  });
});

describe('escaping what the rule refuses', () => {
  it.each([
    ['an ANSI colour', 'Hall \u001b[31mred', 'Hall \\u{1b}[31mred'],
    ['a bidi override', 'a\u202Eb', 'a\\u{202e}b'],
    ['a lone surrogate', 'x\uD800', 'x\\u{d800}'],
    ['a newline', 'a\nb', 'a\\u{a}b'],
    ['plain Arabic', 'كشك 1', 'كشك 1'],
  ])('shows %s as visible text', (_label, raw, shown) => {
    expect(escapeInvisible(raw)).toBe(shown);
    expect(checkFreeText(escapeInvisible(raw), { max: 100 }).ok).toBe(true);
  });
});
