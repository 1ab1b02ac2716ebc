/**
 * A Tifinagh keyboard for Standard Moroccan Amazigh. simple-keyboard-layouts has none, so this
 * one follows the IRCAM convention: each basic letter sits where its Latin transcription sits
 * on a French AZERTY keyboard (ⴰ on A, ⵣ on Z, ⵔ on R, ⵙ on S, ⴳ on G, …; ⵄ on O and ⵃ on P, the
 * two letters without a Latin key). Unlike IRCAM's physical layout, the emphatic letters
 * (ⵥ ⵕ ⵟ ⵚ ⴹ) and the labialised ⴳⵯ ⴽⵯ are not behind Shift but on a row of their own, in
 * the order of their plain letters above: on a touch screen a hidden layer is a letter the
 * citizen cannot find.
 */

/** The 33 letters of Standard Moroccan Amazigh (ⴳⵯ and ⴽⵯ are written with U+2D6F) and the labialisation mark. */
export const TIFINAGH_LETTERS = [
  'ⴰ', 'ⴱ', 'ⴳ', 'ⴳⵯ', 'ⴷ', 'ⴹ', 'ⴻ', 'ⴼ', 'ⴽ', 'ⴽⵯ', 'ⵀ', 'ⵃ', 'ⵄ', 'ⵅ', 'ⵇ', 'ⵉ', 'ⵊ',
  'ⵍ', 'ⵎ', 'ⵏ', 'ⵓ', 'ⵔ', 'ⵕ', 'ⵖ', 'ⵙ', 'ⵚ', 'ⵛ', 'ⵜ', 'ⵟ', 'ⵡ', 'ⵢ', 'ⵣ', 'ⵥ', 'ⵯ',
] as const;

export const tifinaghRows: readonly string[] = [
  '1 2 3 4 5 6 7 8 9 0 {bksp}',
  // a z e r t y u i o p
  'ⴰ ⵣ ⴻ ⵔ ⵜ ⵢ ⵓ ⵉ ⵄ ⵃ',
  // q s d f g h j k l m
  'ⵇ ⵙ ⴷ ⴼ ⴳ ⵀ ⵊ ⴽ ⵍ ⵎ {enter}',
  // w x c v b n, then the labialisation mark and the hyphen of compound names
  'ⵡ ⵅ ⵛ ⵖ ⴱ ⵏ ⵯ -',
  // emphatics and labialised letters
  'ⵥ ⵕ ⵟ ⵚ ⴹ ⴳⵯ ⴽⵯ',
  '{space}',
];
