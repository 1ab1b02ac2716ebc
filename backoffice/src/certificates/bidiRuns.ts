import bidiFactory from 'bidi-js';

/**
 * PDF text is placed glyph by glyph, left to right: nobody reorders it for us. This splits one
 * line into runs in DRAWING order (the Unicode bidi algorithm via bidi-js), each with the font
 * that has its glyphs. An Arabic run is handed over in logical order, because fontkit shapes
 * Arabic (joining forms, ligatures) and reverses it itself; every other run is already visual.
 */

export type RunFont = 'arabic' | 'latin';

export interface TextRun {
  text: string;
  font: RunFont;
}

const bidi = bidiFactory();
/** Letters and the punctuation of Arabic script (، ؛ ؟ and tatweel): the Arabic font has them, the Latin one does not. */
const ARABIC_SCRIPT = /\p{Script_Extensions=Arabic}/u;

export function visualRuns(line: string, direction: 'rtl' | 'ltr'): TextRun[] {
  if (line === '') return [];
  const chars = [...line];
  // bidi-js works on UTF-16 indices; certificate text is in the BMP, so one char is one code unit.
  const text = chars.join('');
  const embedding = bidi.getEmbeddingLevels(text, direction);
  const { levels } = embedding;
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  const order = chars.map((_, i) => i);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(text, embedding)) {
    const reversed = order.slice(start, end + 1).reverse();
    order.splice(start, reversed.length, ...reversed);
  }
  const runs: Array<TextRun & { rtl: boolean; chars: string[] }> = [];
  for (const index of order) {
    const char = mirrored.get(index) ?? chars[index] ?? '';
    const font: RunFont = ARABIC_SCRIPT.test(char) ? 'arabic' : 'latin';
    const rtl = ((levels[index] ?? 0) & 1) === 1;
    const last = runs.at(-1);
    if (last && last.font === font && last.rtl === rtl) last.chars.push(char);
    else runs.push({ text: '', font, rtl, chars: [char] });
  }
  return runs.map(({ font, rtl, chars: drawn }) => ({ font, text: (font === 'arabic' && rtl ? [...drawn].reverse() : drawn).join('') }));
}
