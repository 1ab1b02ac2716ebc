/**
 * Bounds on a parsed JSON value, checked before any schema or rule looks at it: a string of
 * 2 MiB or an object of 150,000 keys is refused after one partial walk, instead of being
 * normalised, matched or listed key by key (docs/security.md, "Cost of one request").
 */
export interface ShapeLimits {
  maxStringLength: number;
  maxKeyLength: number;
  maxKeys: number;
  maxArrayLength: number;
}

export type ShapeViolationCode = 'stringTooLong' | 'keyTooLong' | 'tooManyKeys' | 'arrayTooLong';

export interface ShapeViolation {
  path: string;
  code: ShapeViolationCode;
}

const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`);

/** The first place where `value` breaks the limits, or null. Depth is already bounded by the JSON parser (MAX_JSON_DEPTH). */
export function shapeViolation(value: unknown, limits: ShapeLimits, path = ''): ShapeViolation | null {
  if (typeof value === 'string') return value.length > limits.maxStringLength ? { path, code: 'stringTooLong' } : null;
  if (Array.isArray(value)) {
    if (value.length > limits.maxArrayLength) return { path, code: 'arrayTooLong' };
    for (let i = 0; i < value.length; i++) {
      const found = shapeViolation(value[i], limits, join(path, i));
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  let keys = 0;
  // for…in stops early: Object.keys would first copy all 150,000 keys.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (++keys > limits.maxKeys) return { path, code: 'tooManyKeys' };
    if (key.length > limits.maxKeyLength) return { path, code: 'keyTooLong' };
    const found = shapeViolation((value as Record<string, unknown>)[key], limits, join(path, key));
    if (found) return found;
  }
  return null;
}
