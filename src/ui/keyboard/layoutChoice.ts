import type { FieldKind } from '../../domain/catalogue';
import type { Locale } from '../../domain/locales';
import { missingCase } from '../../domain/validation';
import type { KeyboardLayoutName } from './layouts';

/**
 * Which keyboard a field gets. Free text on civil documents (an address, a commune of birth) is
 * written in Arabic or Latin script, never in Tifinagh: a citizen using the kiosk in Arabic gets
 * the Arabic keyboard, any other language the French one (French is the administration's other
 * working language). Latin names (as on the CNIE) always get the French name keyboard, Arabic
 * names the Arabic one, whatever the session's language. The Tifinagh keyboard is
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
      return 'arabicName';
    case 'text':
      return locale === 'ar' ? 'arabicText' : 'frenchText';
    case 'latinName':
      return 'frenchName';
    case 'select':
      return null;
    default:
      return missingCase(kind);
  }
}
