import { describe, expect, it } from 'vitest';
import { buildRequest, canonicalRequestJson, citizenRequestSchema, emptyDraft, validateIdentity, type RequestDraft } from '../../src/domain/request';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import type { Service } from '../../src/domain/catalogue';

const text = (en: string) => ({ ar: 'نص', zgh: 'ⴰⴹⵕⵉⵚ', fr: en, en });

const birthExtract: Service = {
  id: 'birth_extract',
  name: text('Birth extract'),
  description: text('A short extract of the birth act'),
  pictogram: 'birth',
  fields: [
    { key: 'communeOfBirth', kind: 'text', label: text('Commune of birth'), required: true },
    { key: 'actNumber', kind: 'digits', label: text('Act number'), required: true, maxLength: 10 },
    { key: 'actYear', kind: 'year', label: text('Act year'), required: true },
    { key: 'note', kind: 'text', label: text('Note'), required: false },
  ],
  documents: [],
  fee: { amountMad: null, confirmed: false },
  delay: text('Some days'),
  returnToCounter: false,
  handledBy: 'commune-of-birth',
  active: true,
};

const completeDraft = (): RequestDraft => ({
  serviceId: 'birth_extract',
  identity: {
    cin: 'ab123456',
    lastNameLatin: 'El Alaoui',
    firstNameLatin: 'Fatima',
    lastNameArabic: 'العلوي',
    firstNameArabic: 'فاطمة',
    dateOfBirth: '1990-05-17',
    phone: '0612345678',
  },
  fields: { communeOfBirth: 'Berkane', actNumber: '1234', actYear: '1990' },
});

const stamp = {
  id: '019ac9f0-7b5e-7c3a-9d2e-3f4a5b6c7d8e',
  kioskSeq: 12,
  trackingCode: formatTrackingCode('BKN', 12),
  catalogueVersion: 3,
  locale: 'ar' as const,
  now: '2026-11-28T10:15:00.000Z',
};

describe('building a request from the citizen draft', () => {
  it('produces a request the back office schema accepts, with canonical values', () => {
    const result = buildRequest(completeDraft(), birthExtract, stamp);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(citizenRequestSchema.safeParse(result.request).success).toBe(true);
    expect(result.request.identity.cin).toBe('AB123456');
    expect(result.request.identity.phone).toBe('+212612345678');
    expect(result.request.fields).toEqual({ communeOfBirth: 'Berkane', actNumber: '1234', actYear: '1990' });
    expect(result.request.consent).toEqual({ noticeVersion: 1, acceptedAt: stamp.now });
  });

  it('lists every error with its path, identity and service fields together', () => {
    const draft = completeDraft();
    draft.identity.cin = '12';
    draft.identity.dateOfBirth = '2030-01-01';
    draft.fields.actNumber = 'x';
    delete draft.fields.actYear;
    const result = buildRequest(draft, birthExtract, stamp);
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'identity.cin', code: 'cin' },
        { path: 'identity.dateOfBirth', code: 'dateInFuture' },
        { path: 'fields.actNumber', code: 'digits' },
        { path: 'fields.actYear', code: 'required' },
      ],
    });
  });

  it('accepts an identity without a phone and without Arabic names', () => {
    const draft = completeDraft();
    draft.identity.phone = '';
    draft.identity.lastNameArabic = '';
    draft.identity.firstNameArabic = '';
    const result = validateIdentity(draft.identity, '2026-11-28');
    expect(result.ok && result.identity.phone).toBe('');
  });

  it('starts from an empty draft for the chosen service', () => {
    expect(emptyDraft('life')).toEqual({ serviceId: 'life', identity: {}, fields: {} });
  });
});

describe('the request schema, as the back office applies it', () => {
  const valid = () => {
    const result = buildRequest(completeDraft(), birthExtract, stamp);
    if (!result.ok) throw new Error('fixture must be valid');
    return result.request;
  };

  it.each([
    ['a tracking code with a wrong check symbol', { trackingCode: 'BKN-00012-0' }],
    ['an id that is not a UUID v7', { id: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' }],
    ['a sequence given as a string', { kioskSeq: '12' }],
    ['an unknown language', { locale: 'es' }],
    ['an extra property', { extra: true }],
  ])('refuses %s', (_label, patch) => {
    expect(citizenRequestSchema.safeParse({ ...valid(), ...patch }).success).toBe(false);
  });

  it('compares content regardless of property order', () => {
    const request = valid();
    const reordered = Object.fromEntries(Object.entries(request).reverse()) as typeof request;
    expect(canonicalRequestJson(reordered)).toBe(canonicalRequestJson(request));
    expect(canonicalRequestJson({ ...request, fields: { ...request.fields, actNumber: '9' } })).not.toBe(canonicalRequestJson(request));
  });

  // Stored bodies are compared byte for byte with a resend's canonical form: the direct writer must
  // give exactly what sorting copies and stringifying them gave when those bodies were stored.
  const sortedCopy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortedCopy);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortedCopy(v)]));
    }
    return value;
  };
  it.each([
    ['a built request', () => valid()],
    ['text to escape, Arabic, Tifinagh and an astral character', () => ({ ...valid(), fields: { note: 'قال "نعم"\n\\ ⵣ 😀 \u2028', Zeta: 'é', alpha: '' } })],
    ['an undefined value, which is left out', () => ({ ...valid(), contact: undefined })],
    ['numbers, booleans, null and nested arrays', () => ({ ...valid(), extra: [1, -0, 1.5e21, true, null, [{ b: 1, a: [undefined] }]] })],
    ['index-like keys, which an object lists first', () => ({ ...valid(), fields: { b: '1', '10': 'x', '9': 'y', a: '2' } })],
    ['a value with toJSON', () => ({ ...valid(), createdAt: new Date(0) })],
  ])('writes the same canonical text as sorted copies do: %s', (_label, make) => {
    const request = make() as ReturnType<typeof valid>;
    expect(canonicalRequestJson(request)).toBe(JSON.stringify(sortedCopy(request)));
  });
});
