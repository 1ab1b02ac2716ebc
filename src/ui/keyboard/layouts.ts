import arabic from 'simple-keyboard-layouts/build/layouts/arabic';
import french from 'simple-keyboard-layouts/build/layouts/french';
import type { FieldKind } from '../../domain/catalogue';
import type { Locale } from '../../domain/locales';
import { missingCase } from '../../domain/validation';
import { tifinaghRows } from './tifinagh';

export type KeyboardLayoutName = 'arabic' | 'azerty' | 'tifinagh' | 'numeric' | 'cin';

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

/**
 * Which keyboard a field gets. Free text on civil documents (an address, a commune of birth) is
 * written in Arabic or Latin script, never in Tifinagh: a citizen using the kiosk in Arabic gets
 * the Arabic keyboard, any other language gets AZERTY (French is the administration's other
 * working language). Latin names (as on the CNIE) always get AZERTY. The Tifinagh keyboard is
 * there for text meant to be written in Amazigh. A `select` is chosen from its options: no keyboard.
 */
export function layoutForField(kind: Exclude<FieldKind, 'select'> | 'latinName', locale: Locale): KeyboardLayoutName;
export function layoutForField(kind: FieldKind | 'latinName', locale: Locale): KeyboardLayoutName | null;
export function layoutForField(kind: FieldKind | 'latinName', locale: Locale): KeyboardLayoutName | null {
  switch (kind) {
    // A date is typed as digits only, day then month then year; src/ui/form/dateInput.ts shows
    // the slashes and stores the ISO date, so the pad never needs a separator key.
    case 'date':
    case 'digits':
    case 'year':
    case 'postalCode':
    case 'phone':
      return 'numeric';
    case 'cin':
      return 'cin';
    case 'arabicText':
      return 'arabic';
    case 'text':
      return locale === 'ar' ? 'arabic' : 'azerty';
    case 'latinName':
      return 'azerty';
    case 'select':
      return null;
    default:
      return missingCase(kind);
  }
}
