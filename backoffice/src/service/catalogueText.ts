import { checkFreeText } from '../../../src/domain/text';

/** A catalogue's texts are shown on every kiosk of the office: a bidi override there could disguise a service. */
const CATALOGUE_TEXT_RULE = { max: 2_000 };

/**
 * The first text of a catalogue (or any JSON value) that the shared rule would not store as it
 * is, with its path: the operator fixes the file rather than the server silently changing it.
 */
export function firstUncleanText(value: unknown, path = ''): { path: string; code: string } | null {
  if (typeof value === 'string') {
    if (value === '') return null;
    const checked = checkFreeText(value, CATALOGUE_TEXT_RULE);
    if (!checked.ok) return { path, code: checked.code };
    return checked.value === value ? null : { path, code: 'notNormalised' };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstUncleanText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = firstUncleanText(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}
