import arabic from 'simple-keyboard-layouts/build/layouts/arabic';
import french from 'simple-keyboard-layouts/build/layouts/french';
import { arabicNameRows, arabicTextRows, frenchNameRows, frenchTextRows } from './citizenLayouts';
import { tifinaghRows } from './tifinagh';

/** `arabic` and `azerty` are the desktop layouts the supervisor's settings use; citizens get the ones made for names and text. */
export type KeyboardLayoutName = 'arabic' | 'azerty' | 'frenchName' | 'frenchText' | 'arabicName' | 'arabicText' | 'tifinagh' | 'numeric' | 'cin';

export interface KeyboardLayout {
  /** Rows of space-separated keys, in simple-keyboard's notation ({bksp}, {enter}, {shift}, {space}). */
  rows: { default: readonly string[]; shift?: readonly string[] };
  /** Language of the key labels, so the right font and voice are used. */
  lang: 'ar' | 'fr' | 'zgh' | 'en';
  /** Direction the layout's script is written in: it orients the backspace key. */
  direction: 'rtl' | 'ltr';
}

/** Keys of a desktop keyboard that mean nothing on a kiosk form. */
const DESKTOP_ONLY_KEYS = new Set(['{tab}', '{lock}', '.com', '@']);

/** Takes a simple-keyboard-layouts layout as is, minus the desktop-only keys (the bottom row keeps only its space bar). */
function forKiosk(rows: readonly string[]): string[] {
  return rows
    .map((row) => row.split(' ').filter((key) => !DESKTOP_ONLY_KEYS.has(key)).join(' '))
    .filter((row) => row !== '');
}

export const KEYBOARD_LAYOUTS: Record<KeyboardLayoutName, KeyboardLayout> = {
  arabic: {
    rows: { default: forKiosk(arabic.layout.default!), shift: forKiosk(arabic.layout.shift!) },
    lang: 'ar',
    direction: 'rtl',
  },
  azerty: {
    rows: { default: forKiosk(french.layout.default!), shift: forKiosk(french.layout.shift!) },
    lang: 'fr',
    direction: 'ltr',
  },
  frenchName: { rows: frenchNameRows, lang: 'fr', direction: 'ltr' },
  frenchText: { rows: frenchTextRows, lang: 'fr', direction: 'ltr' },
  arabicName: { rows: arabicNameRows, lang: 'ar', direction: 'rtl' },
  arabicText: { rows: arabicTextRows, lang: 'ar', direction: 'rtl' },
  tifinagh: { rows: { default: tifinaghRows }, lang: 'zgh', direction: 'ltr' },
  // Telephone order (1 at the top), as on the phones everyone has.
  numeric: { rows: { default: ['1 2 3', '4 5 6', '7 8 9', '{bksp} 0 {enter}'] }, lang: 'en', direction: 'ltr' },
  // CIN numbers are capital Latin letters then digits; letters in AZERTY order, as on the office's keyboards.
  cin: {
    rows: { default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'A Z E R T Y U I O P', 'Q S D F G H J K L M', 'W X C V B N {enter}'] },
    lang: 'fr',
    direction: 'ltr',
  },
};

// The choice lives apart from the key rows: forms pick a layout at start-up, the rows load with the keyboard.
export { layoutForField } from './layoutChoice';
