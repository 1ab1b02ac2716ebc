import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldText, queryPrefixes, requestSearchTerms } from '../../backoffice/src/service/searchTerms';
import { indexUnsearchedRequests } from '../../backoffice/src/service/searchIndexing';
import type { CitizenRequest } from '../../src/domain/request';
import type { EnrolResponse } from '../../src/domain/syncProtocol';
import { callRoute, pushOne, staffSession, type StaffSessionHandle } from './consoleFixtures';
import { harness, makeRequest, type Harness } from './fixtures';

describe('search terms', () => {
  it.each([
    ['ÉLÈVE Çà', 'eleve ca'],
    ['مُحَمَّد', 'محمد'],
    ['أحمد إبراهيم آمنة', 'احمد ابراهيم امنه'],
    ['مصطفى', 'مصطفي'],
    ['عـــلي', 'علي'],
    ['٠٦١٢ ۳۴', '0612 34'],
    // Plain ASCII takes a shorter path (only its case folds): the same answer as the full fold.
    ['El AMRANI-Benali 06 12 AB123456 ~!', 'el amrani-benali 06 12 ab123456 ~!'],
  ])('folds %s as %s', (raw, folded) => {
    expect(foldText(raw)).toBe(folded);
  });

  it('gives a request its name words, whole names, CIN, both phone forms and tracking code, less the words a whole name starts with', () => {
    const request = makeRequest('KPX', 7);
    // "el" starts "elamrani": every query "el" finds, "elamrani" finds too.
    expect(requestSearchTerms(request).sort()).toEqual(
      ['amrani', 'elamrani', 'mohamed', 'العمراني', 'محمد', 'ab123456', '212612345678', '0612345678', request.trackingCode.replace(/-/g, '').toLowerCase()].sort(),
    );
  });

  it.each([
    ['El Amrani', 'Mohamed Amine', 'العمراني', 'محمد أمين'],
    ['Ben Ali', 'Ali', 'بن علي', 'علي'],
    ['Al Alaoui El Idrissi', 'Fatima-Zahra', 'العلوي الإدريسي', 'فاطمة الزهراء'],
    ['A', 'Ab', 'ا', 'اب'],
  ])('leaves out no term a query found before: %s %s', (lastNameLatin, firstNameLatin, lastNameArabic, firstNameArabic) => {
    const base = makeRequest('KPX', 9);
    const request = { ...base, identity: { ...base.identity, lastNameLatin, firstNameLatin, lastNameArabic, firstNameArabic, cin: 'AB1', phone: '+212612345678' } };
    const terms = requestSearchTerms(request);
    // Every term the whole set would hold: each name's words, each whole name, CIN, phones, code.
    const names = [lastNameLatin, firstNameLatin, lastNameArabic, firstNameArabic].map((name) => foldText(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    const everyTerm = [...names.flat(), ...names.map((words) => words.join('')), 'ab1', '212612345678', '0612345678', request.trackingCode.replace(/-/g, '').toLowerCase()];
    for (const term of everyTerm) {
      for (let length = 1; length <= term.length; length++) {
        const query = term.slice(0, length);
        expect(terms.some((kept) => kept.startsWith(query)), `"${query}" still finds the request`).toBe(true);
      }
    }
    expect(terms).toContain(request.trackingCode.replace(/-/g, '').toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('reads numbers typed with spaces, dashes or +212 as one prefix, and names as words', () => {
    expect(queryPrefixes('06 12-34')).toEqual(['061234']);
    expect(queryPrefixes('+212 6 12 34')).toEqual(['21261234']);
    expect(queryPrefixes('00212612')).toEqual(['212612']);
    expect(queryPrefixes('  Mohamed  EL-amrani ')).toEqual(['mohamed', 'el', 'amrani']);
    expect(queryPrefixes(' - ')).toEqual([]);
  });
});

describe('console search', () => {
  let h: Harness;
  let agent: StaffSessionHandle;
  let kiosk: EnrolResponse;
  let zahra: CitizenRequest;
  let mohamed: CitizenRequest;
  let other: CitizenRequest;

  beforeEach(async () => {
    h = await harness();
    kiosk = await h.enrol('north');
    agent = await staffSession(h, 'north', 'agent');
    mohamed = await pushOne(h, kiosk, 1);
    zahra = await pushOne(h, kiosk, 2, {
      identity: {
        cin: 'BE654321',
        lastNameLatin: 'Benaïssa',
        firstNameLatin: 'Fatima-Zahra',
        lastNameArabic: 'بنعيسى',
        firstNameArabic: 'فاطمة الزهراء',
        dateOfBirth: '1985-02-03',
        phone: '+212700112233',
      },
    });
    h.clock.now = new Date(h.clock.now.getTime() + 3 * 24 * 3_600_000);
    agent = await staffSession(h, 'north', 'agent', 'Later');
    const second = await h.enrol('north', 'Kiosk 2');
    other = await pushOne(h, second, 1, {
      serviceId: 'birth_extract',
      fields: { communeOfBirth: 'Fès', actNumber: '12', actYear: '1990' },
      identity: { ...mohamed.identity, cin: 'C777777', firstNameLatin: 'Youssef', firstNameArabic: 'يوسف' },
    });
  });
  afterEach(async () => {
    await h.app.close();
    h.store.close();
  });

  const search = async (query: string) => {
    const response = await callRoute(h, agent, 'search', { officeId: 'north' }, {}, query);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as Array<{ id: string }>).map((item) => item.id);
  };
  const q = (text: string) => `?q=${encodeURIComponent(text)}`;

  it.each<[string, () => string[]]>([
    ['the tracking code', () => [zahra.trackingCode]],
    ['the tracking code as typed at the counter', () => [zahra.trackingCode.toLowerCase().replace(/0/g, 'o')]],
    ['the CIN in lower case', () => ['be654321']],
    ['the phone as people say it', () => ['07 00 11 22 33']],
    ['the phone with the country code', () => ['+212 700 112 233']],
    ['a Latin name without its accents', () => ['benaissa']],
    ['a Latin first name by its start, any case', () => ['FATIMA']],
    ['a hyphenated name typed without the hyphen', () => ['fatimazahra']],
    ['an Arabic name without its alef maqsura', () => ['بنعيسي']],
    ['an Arabic name with harakat', () => ['فَاطِمَة']],
    ['Latin and Arabic together', () => ['zahra بنعيسى']],
  ])('finds a request by %s', async (_what, terms) => {
    for (const term of terms()) expect(await search(q(term))).toEqual([zahra.id]);
  });

  it('needs every word to match, and answers nothing for a stranger', async () => {
    expect(await search(q('Mohamed Benaissa'))).toEqual([]);
    expect(await search(q('Zzyzx'))).toEqual([]);
  });

  it('filters by service, kiosk, status and day of reception, with or without words', async () => {
    expect(await search('?serviceId=birth_extract')).toEqual([other.id]);
    expect(await search(`?kioskId=${kiosk.deviceId}&order=newest`)).toEqual([zahra.id, mohamed.id]);
    expect(await search(`${q('el amrani')}&from=2026-11-30`)).toEqual([other.id]);
    expect(await search(`${q('el amrani')}&to=2026-11-28`)).toEqual([mohamed.id]);
    expect(await search('?status=received&channel=kiosk')).toHaveLength(3);
    expect(await search('?channel=portal')).toEqual([]);
    expect((await callRoute(h, agent, 'search', { officeId: 'north' }, {}, '?from=yesterday')).statusCode).toBe(400);
  });

  it('indexes requests stored before the console existed, once, at start-up', async () => {
    h.store.db.prepare('DELETE FROM request_search_terms').run();
    h.store.db.prepare('UPDATE requests SET search_indexed = 0').run();
    expect(await search(q('benaissa'))).toEqual([]);
    expect(await indexUnsearchedRequests(h.store, 2)).toBe(3);
    expect(await indexUnsearchedRequests(h.store)).toBe(0);
    expect(await search(q('benaissa'))).toEqual([zahra.id]);
  });

  it('pages a common name among thousands of matches in date order, with the right total', async () => {
    const many = Array.from({ length: 2_500 }, (_, i) => makeRequest(kiosk.trackingPrefix, 100 + i));
    for (let start = 0; start < many.length; start += 500) {
      const batch = many.slice(start, start + 500);
      const receivedAt = new Date(Date.parse('2026-11-28T10:00:00.000Z') + start * 1000).toISOString();
      await h.store.pushRequests({
        deviceId: kiosk.deviceId,
        officeId: 'north',
        receivedAt,
        kioskSeqs: batch.map((r) => r.kioskSeq),
        items: batch.map((request) => ({ request, canonical: JSON.stringify(request), searchTerms: requestSearchTerms(request) })),
      });
    }
    const response = (await callRoute(h, agent, 'search', { officeId: 'north' }, {}, `${q('el amr')}&order=newest&limit=3`)).json();
    expect(response.total).toBe(2_500 + 2);
    // The last batch shares one reception time: within it, newest first is by id (UUID v7, in order of creation).
    expect(response.items.map((item: { id: string }) => item.id)).toEqual([other.id, many[2_499]!.id, many[2_498]!.id]);
    const oldest = (await callRoute(h, agent, 'search', { officeId: 'north' }, {}, `${q('mohamed')}&limit=2`)).json();
    expect(oldest.items.map((item: { id: string }) => item.id)).toEqual([mohamed.id, many[0]!.id]);
    const narrowed = (await callRoute(h, agent, 'search', { officeId: 'north' }, {}, `${q('mohamed')}&serviceId=birth_extract`)).json();
    expect([narrowed.total, narrowed.items.map((item: { id: string }) => item.id)]).toEqual([0, []]);
  });

  it('finds a purged request by its tracking code only', async () => {
    await h.store.appendStatus({ requestId: zahra.id, expected: 'received', status: 'refused', reason: 'x', at: h.clock.now.toISOString(), by: 'cli' });
    await h.store.purgeFinishedRequests({ finishedBefore: new Date(h.clock.now.getTime() + 1000).toISOString(), at: h.clock.now.toISOString() });
    expect(await search(q('benaissa'))).toEqual([]);
    expect(await search(q(zahra.trackingCode))).toEqual([zahra.id]);
  });
});
