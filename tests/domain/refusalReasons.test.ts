import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/domain/locales';
import { canRefuse, REFUSAL_REASON_CODES, refusalNeedsText } from '../../src/domain/refusalReasons';
import { REMOTE_STATUSES } from '../../src/domain/status';
import { canTransition } from '../../src/domain/statusTransitions';

describe('refusal reasons', () => {
  it.each(LOCALES)('are translated in %s, one category per code', (locale) => {
    const translations = JSON.parse(readFileSync(join(import.meta.dirname, '../../locales', locale, 'refusal.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(translations).sort()).toEqual([...REFUSAL_REASON_CODES].sort());
    for (const text of Object.values(translations)) expect(text.trim()).not.toBe('');
  });

  it('allow a refusal exactly where the status machine does', () => {
    for (const status of REMOTE_STATUSES) expect(canRefuse(status)).toBe(canTransition(status, 'refused'));
  });

  it('ask for a text only with "other"', () => {
    expect(REFUSAL_REASON_CODES.filter(refusalNeedsText)).toEqual(['other']);
  });
});
