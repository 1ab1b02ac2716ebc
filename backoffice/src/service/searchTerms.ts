import type { CitizenRequest } from '../../../src/domain/request';

/**
 * Search terms: what staff may type to find a request, folded so that case, diacritics, Arabic
 * letter variants and digit scripts do not matter. A request's terms are written at ingest; a
 * query is folded the same way and each of its words must start one of the request's terms.
 */

/** Arabic-Indic (U+0660–0669) and Eastern Arabic (U+06F0–06F9) digits as 0–9. */
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.codePointAt(0)! - 0x0660) % 0x90));
}

/** Letters an Arabic name is spelt with either way: hamza carriers, alef maqsura, ta marbuta. */
const ARABIC_VARIANTS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
  'ى': 'ي', 'ئ': 'ي',
  'ؤ': 'و',
  'ة': 'ه',
};

/** Nothing beyond U+007F (control characters included: they fold as themselves either way). */
const ASCII = /^[^\u0080-\uffff]*$/;

/** Lower case, no diacritics (Latin accents and Arabic harakat alike), no tatweel, Western digits. */
export function foldText(text: string): string {
  // Plain ASCII has no digits, marks or letters to fold but case: most Latin names, CINs, codes.
  if (ASCII.test(text)) return text.toLowerCase();
  return westernDigits(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/[أإآٱىئؤة]/g, (letter) => ARABIC_VARIANTS[letter] ?? letter)
    .toLowerCase();
}

function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Everything but letters and digits removed: how codes and numbers are kept and typed. */
export function compact(text: string): string {
  return words(text).join('');
}

/** A Moroccan mobile as stored (+2126…) and as people say it (06…). */
function phoneTerms(phone: string): string[] {
  const digits = compact(phone);
  if (digits === '') return [];
  return digits.startsWith('212') ? [digits, `0${digits.slice(3)}`] : [digits];
}

/**
 * The terms without those another term of the request starts with: a query is matched by prefix,
 * so whatever starts a term also starts every longer term beginning with it, and the shorter one
 * finds nothing more (a name's first word and its whole name, "el" and "elamrani"). `keep` stays
 * whatever it is: the purge keeps that term alone. Sorted, the terms starting with a term follow it
 * directly. A next letter beyond U+D7FF keeps the shorter term too: prefix ranges ended at U+FFFF
 * when this was written, and a longer term on such a letter was not found by the shorter one's
 * whole text. Both engines' prefix matches now reach U+10FFFF (017); the extra term is harmless.
 */
function withoutPrefixesOfOthers(terms: Iterable<string>, keep: string): string[] {
  const sorted = [...terms].sort();
  return sorted.filter((term, index) => {
    const next = sorted[index + 1];
    return term === keep || next === undefined || !next.startsWith(term) || !(next.charCodeAt(term.length) < 0xd800);
  });
}

/**
 * The terms of one request: each name word, each whole name, the CIN, the phone, the tracking
 * code, less those another of its terms starts with (`withoutPrefixesOfOthers`).
 */
export function requestSearchTerms(request: Pick<CitizenRequest, 'identity' | 'trackingCode'>): string[] {
  const { identity } = request;
  const names = [identity.lastNameLatin, identity.firstNameLatin, identity.lastNameArabic, identity.firstNameArabic];
  const terms = new Set<string>();
  for (const name of names) {
    // Folded once: the whole name is its words joined (what `compact` gives).
    const nameWords = words(name);
    for (const word of nameWords) terms.add(word);
    const whole = nameWords.join('');
    if (whole !== '') terms.add(whole);
  }
  const trackingTerm = compact(request.trackingCode);
  for (const term of [compact(identity.cin), ...phoneTerms(identity.phone), trackingTerm]) {
    if (term !== '') terms.add(term);
  }
  return withoutPrefixesOfOthers(terms, trackingTerm);
}

/** The tracking code's term alone: what a purged request can still be found by. */
export function trackingCodeTerm(trackingCode: string): string {
  return compact(trackingCode);
}

/**
 * A query as prefixes to match. With a digit in it, it is a code or a number (CIN, phone,
 * tracking code), typed with any spacing or dashes: one compact prefix. Otherwise each word of a
 * name is a prefix of its own. A phone typed as 06… or +212 6… finds the same request.
 */
export function queryPrefixes(query: string): string[] {
  const whole = compact(query);
  if (whole === '') return [];
  if (/\d/.test(whole)) return [whole.startsWith('00212') ? whole.slice(2) : whole];
  return [...new Set(words(query))];
}
