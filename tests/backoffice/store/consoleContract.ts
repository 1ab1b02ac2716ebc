import { describe, expect, it } from 'vitest';
import type { RequestMutation } from '../../../backoffice/src/store/consoleTypes';
import type { PushInput, Store } from '../../../backoffice/src/store/types';
import { canonicalRequestJson, type CitizenRequest } from '../../../src/domain/request';
import { makeRequest } from '../fixtures';

const T0 = '2026-11-28T10:00:00.000Z';
const T1 = '2026-11-28T11:00:00.000Z';
const LATER = '2026-12-20T10:00:00.000Z';

/** What storeContract.ts lends this part of the suite: a store with offices north and south and a kiosk in north. */
export interface ConsoleContractKit {
  withKiosk(): Promise<{ store: Store; another: () => Promise<Store>; device: { id: string; officeId: string; trackingPrefix: string } }>;
}

/**
 * The console's part of the one store contract (staff, sessions, throttle, queues, search,
 * timeline, optimistic mutations, heartbeats, statistics, certificates, prompt recordings),
 * called from storeContract() so it runs on every engine, through the Store interface only.
 */
export function consoleContract(kit: ConsoleContractKit): void {
  let n = 0;
  function requestOf(device: { trackingPrefix: string }): CitizenRequest {
    n++;
    return makeRequest(device.trackingPrefix, n);
  }
  function batch(device: { id: string; officeId: string }, requests: readonly CitizenRequest[], extra: { searchTerms?: string[]; delayDays?: number } = {}, receivedAt = T0): PushInput {
    return {
      deviceId: device.id,
      officeId: device.officeId,
      receivedAt,
      kioskSeqs: requests.map((r) => r.kioskSeq),
      items: requests.map((request) => ({ request, canonical: canonicalRequestJson(request), ...extra })),
    };
  }
  async function staffMember(store: Store, id = 'staff-1', officeId = 'north') {
    expect(
      await store.createStaffAccount({ id, login: `login-${id}`, name: `Name ${id}`, officeId, role: 'agent', activationHash: `act-${id}`, activationExpiresAt: LATER, createdAt: T0 }),
    ).toBe('created');
    return id;
  }
  function mutation(request: CitizenRequest, staffId: string, expectedVersion: number, change: Partial<RequestMutation> = {}): RequestMutation {
    return {
      requestId: request.id,
      officeId: 'north',
      expectedVersion,
      staffId,
      at: T1,
      event: { kind: 'status' },
      audit: { action: 'request.status', detail: 'test' },
      ...change,
    };
  }

  describe('staff accounts, sessions and throttle', () => {
    it('creates an account once per login, activates it, and lists it with its role', async () => {
      const { store } = await kit.withKiosk();
      await staffMember(store);
      expect(await store.createStaffAccount({ id: 'other', login: 'login-staff-1', name: 'X', officeId: 'north', role: 'agent', activationHash: 'a2', activationExpiresAt: LATER, createdAt: T0 })).toBe('loginTaken');
      expect(await store.findStaffByActivation('act-staff-1', T1)).toMatchObject({ id: 'staff-1', passwordHash: null });
      expect(await store.findStaffByActivation('act-staff-1', '2027-01-01T00:00:00.000Z')).toBeNull();
      await store.setStaffPassword({ staffId: 'staff-1', passwordHash: 'hash', at: T1 });
      expect(await store.findStaffByActivation('act-staff-1', T1)).toBeNull();
      expect(await store.findStaffByLogin('login-staff-1')).toMatchObject({ id: 'staff-1', passwordHash: 'hash', revokedAt: null });
      await store.recordLogin('staff-1', T1);
      expect((await store.getStaffAccount('staff-1'))?.lastLoginAt).toBe(T1);
      expect(await store.activeRoles('staff-1')).toEqual([{ officeId: 'north', officeName: 'Annexe north', role: 'agent' }]);
      await store.grantRole({ staffId: 'staff-1', officeId: 'south', role: 'chief', at: T1 });
      expect((await store.activeRoles('staff-1')).map((r) => [r.officeId, r.role])).toEqual([['north', 'agent'], ['south', 'chief']]);
      const listed = await store.listOfficeStaff('south');
      expect(listed).toEqual([{ account: expect.objectContaining({ id: 'staff-1' }), grant: { staffId: 'staff-1', officeId: 'south', role: 'chief', grantedAt: T1, revokedAt: null } }]);
    });

    it('ends sessions on a revoked role, a password reset and a revoked account', async () => {
      const { store } = await kit.withKiosk();
      await staffMember(store);
      const session = (token: string) => ({ tokenHash: token, staffId: 'staff-1', csrfToken: `csrf-${token}`, createdAt: T0, idleExpiresAt: T1, absoluteExpiresAt: LATER });
      await store.createSession(session('s1'));
      await store.touchSession('s1', LATER);
      expect(await store.getSession('s1')).toEqual({ ...session('s1'), idleExpiresAt: LATER, revokedAt: null });
      expect(await store.revokeRole({ staffId: 'staff-1', officeId: 'north', at: T1 })).toBe(true);
      expect(await store.revokeRole({ staffId: 'staff-1', officeId: 'north', at: T1 })).toBe(false);
      expect((await store.getSession('s1'))?.revokedAt).toBe(T1);
      await store.createSession(session('s2'));
      await store.resetStaffPassword({ staffId: 'staff-1', activationHash: 'again', activationExpiresAt: LATER, at: T1 });
      expect((await store.getSession('s2'))?.revokedAt).toBe(T1);
      expect(await store.findStaffByActivation('again', T1)).toMatchObject({ id: 'staff-1', passwordHash: null });
      await store.createSession(session('s3'));
      await store.createSession(session('s4'));
      await store.revokeSession('s3', T1);
      expect(await store.revokeSessionsOf('staff-1', T1)).toBe(1);
      await store.createSession(session('s5'));
      expect(await store.revokeStaffAccount('staff-1', T1)).toBe(true);
      expect(await store.revokeStaffAccount('staff-1', T1)).toBe(false);
      expect((await store.getSession('s5'))?.revokedAt).toBe(T1);
      expect(await store.findStaffByActivation('again', T1)).toBeNull();
    });

    it('keeps a login throttle that every instance sees, and audits staff actions newest first', async () => {
      const { store, another } = await kit.withKiosk();
      const second = await another();
      expect(await store.getThrottle('account:x')).toBeNull();
      await store.putThrottle('account:x', { failures: 5, windowStartedAt: T0, lockedUntil: T1 });
      expect(await second.getThrottle('account:x')).toEqual({ failures: 5, windowStartedAt: T0, lockedUntil: T1 });
      await second.putThrottle('account:x', { failures: 1, windowStartedAt: T1, lockedUntil: null });
      expect(await store.getThrottle('account:x')).toEqual({ failures: 1, windowStartedAt: T1, lockedUntil: null });
      await store.clearThrottle('account:x');
      expect(await second.getThrottle('account:x')).toBeNull();

      await staffMember(store);
      await store.appendStaffAudit({ at: T0, staffId: 'staff-1', officeId: 'north', action: 'login', requestId: null, detail: 'a' });
      await store.appendStaffAudit({ at: T1, staffId: 'staff-1', officeId: 'south', action: 'view', requestId: null, detail: 'b' });
      expect((await store.listStaffAudit({ limit: 10 })).map((e) => e.detail)).toEqual(['b', 'a']);
      expect((await store.listStaffAudit({ officeId: 'north', limit: 10 })).map((e) => e.detail)).toEqual(['a']);
      expect(await store.listStaffAudit({ staffId: 'nobody', limit: 10 })).toEqual([]);
    });
  });

  describe('work queues, search and timeline', () => {
    it('counts and pages the queues, in reception order, with overdue requests', async () => {
      const { store, device } = await kit.withKiosk();
      const staffId = await staffMember(store);
      const [a, b, c] = [requestOf(device), requestOf(device), requestOf(device)];
      await store.pushRequests(batch(device, [a!], { delayDays: 1 }, T0));
      await store.pushRequests(batch(device, [b!, c!], {}, T1));
      expect(await store.mutateRequest(mutation(a!, staffId, 0, { assignee: staffId, status: 'inReview', event: { kind: 'assigned' } }))).toMatchObject({ ok: true, version: 1 });
      const { counts, overdue } = await store.queueCounts({ officeId: 'north', staffId, now: LATER });
      expect(counts).toEqual({ new: 2, inReviewMine: 1, inReviewAll: 1, ready: 0, collected: 0, refused: 0 });
      expect(overdue).toBe(1);
      expect((await store.queueCounts({ officeId: 'south', staffId, now: LATER })).counts.new).toBe(0);
      const oldest = await store.queuePage({ officeId: 'north', queue: 'new', staffId, order: 'oldest', offset: 0, limit: 1 });
      expect(oldest.total).toBe(2);
      expect(oldest.rows).toHaveLength(1);
      const newest = await store.queuePage({ officeId: 'north', queue: 'new', staffId, order: 'newest', offset: 0, limit: 5 });
      expect(newest.rows.map((r) => r.id)).toEqual([...[b!.id, c!.id].sort().reverse()]);
      const mine = await store.queuePage({ officeId: 'north', queue: 'inReviewMine', staffId, order: 'oldest', offset: 0, limit: 5 });
      expect(mine.rows).toEqual([expect.objectContaining({ id: a!.id, assigneeId: staffId, assigneeName: 'Name staff-1', status: 'inReview', version: 1, dueAt: '2026-11-29T10:00:00.000Z' })]);
      expect(await store.getWorkRow('south', a!.id)).toBeNull();
      expect(await store.getWorkRow('north', a!.id)).toMatchObject({ trackingCode: a!.trackingCode, kioskLabel: expect.any(String), channel: 'kiosk' });
    });

    it('finds requests by every prefix of their search terms, within the office only', async () => {
      const { store, device } = await kit.withKiosk();
      const [a, b] = [requestOf(device), requestOf(device)];
      await store.pushRequests(batch(device, [a!], { searchTerms: ['amina', 'alaoui', 'ab123456'] }));
      await store.pushRequests(batch(device, [b!]));
      expect((await store.requestsToIndex(10)).map((r) => r.id)).toEqual([b!.id]);
      await store.writeSearchTerms({ requestId: b!.id, officeId: 'north', terms: ['amal', 'alaoui'] });
      expect(await store.requestsToIndex(10)).toEqual([]);
      const search = (prefixes: string[], officeId = 'north') => store.searchRequests({ officeId, prefixes, order: 'oldest', offset: 0, limit: 10 });
      expect((await search(['ala'])).total).toBe(2);
      expect((await search(['am', 'ala'])).total).toBe(2);
      expect((await search(['ami'])).rows.map((r) => r.id)).toEqual([a!.id]);
      expect((await search(['zz'])).total).toBe(0);
      expect((await search(['ala'], 'south')).total).toBe(0);
      expect((await store.searchRequests({ officeId: 'north', prefixes: ['ala'], status: 'refused', order: 'oldest', offset: 0, limit: 10 })).total).toBe(0);
      expect((await store.searchRequests({ officeId: 'north', prefixes: [], order: 'oldest', offset: 0, limit: 10 })).total).toBe(2);
    });

    it('stores a push\'s search term given twice once', async () => {
      const { store, device } = await kit.withKiosk();
      const a = requestOf(device);
      await store.pushRequests(batch(device, [a], { searchTerms: ['amina', 'alaoui', 'amina'] }));
      const found = await store.searchRequests({ officeId: 'north', prefixes: ['ami'], order: 'oldest', offset: 0, limit: 10 });
      expect(found.rows.map((r) => r.id)).toEqual([a.id]);
      expect(found.total).toBe(1);
    });

    it('finds terms holding quotes, backslashes or letters beyond U+FFFF by any of their prefixes', async () => {
      const { store, device } = await kit.withKiosk();
      const a = requestOf(device);
      // Adlam letters (U+1E900 and up) are letters: a folded name may hold them.
      await store.pushRequests(batch(device, [a], { searchTerms: ["o'brien", 'brien', 'back\\slash', 'ab\u{1E922}\u{1E923}'] }));
      const search = (prefixes: string[]) => store.searchRequests({ officeId: 'north', prefixes, order: 'oldest', offset: 0, limit: 10 });
      for (const prefix of ["o'b", "o'brien", 'back\\', 'ab', 'ab\u{1E922}', 'ab\u{1E922}\u{1E923}']) {
        expect((await search([prefix])).rows.map((r) => r.id), prefix).toEqual([a.id]);
      }
      expect((await search(["o'c"])).total).toBe(0);
      // Two of its terms start with "b": still one request.
      expect(await search(['b'])).toMatchObject({ total: 1, rows: [expect.objectContaining({ id: a.id })] });
      expect((await search(['ab\u{1E923}'])).total).toBe(0);
    });

    it('pages a name shared by more than 2,000 requests in date order, with the right total', async () => {
      const { store, device } = await kit.withKiosk();
      const many = Array.from({ length: 2_100 }, () => requestOf(device));
      for (let start = 0; start < many.length; start += 500) {
        const receivedAt = new Date(Date.parse(T0) + start * 1000).toISOString();
        await store.pushRequests(batch(device, many.slice(start, start + 500), { searchTerms: ['common', 'name'] }, receivedAt));
      }
      const search = (order: 'oldest' | 'newest', prefixes = ['comm']) => store.searchRequests({ officeId: 'north', prefixes, order, offset: 0, limit: 2 });
      const newest = await search('newest');
      expect(newest.total).toBe(2_100);
      // The last batch shares one reception time: within it, by id (UUID v7, in order of creation).
      expect(newest.rows.map((r) => r.id)).toEqual([many[2_099]!.id, many[2_098]!.id]);
      expect((await search('oldest', ['name', 'com'])).rows.map((r) => r.id)).toEqual([many[0]!.id, many[1]!.id]);
    });

    it('keeps only the tracking code\'s term of a purged or withdrawn request', async () => {
      const { store, device } = await kit.withKiosk();
      const [a, b] = [requestOf(device), requestOf(device)];
      const codeTerm = (r: CitizenRequest) => r.trackingCode.replace(/-/g, '').toLowerCase();
      await store.pushRequests(batch(device, [a!], { searchTerms: ['purgeable', codeTerm(a!)] }));
      await store.pushRequests(batch(device, [b!], { searchTerms: ['withdrawable', codeTerm(b!)] }));
      const search = (prefixes: string[]) => store.searchRequests({ officeId: 'north', prefixes, order: 'oldest', offset: 0, limit: 10 });
      expect((await search(['purge'])).total).toBe(1);
      await store.appendStatus({ requestId: a!.id, expected: 'received', status: 'refused', reason: null, reasonCode: null, at: T1, by: 'cli' });
      expect(await store.purgeFinishedRequests({ finishedBefore: LATER, at: LATER })).toBeGreaterThanOrEqual(1);
      await store.emptyWithdrawnRequest(b!.id, LATER);
      expect((await search(['purge'])).total).toBe(0);
      expect((await search(['withdraw'])).total).toBe(0);
      expect((await search([codeTerm(a!)])).rows.map((r) => r.id)).toEqual([a!.id]);
      expect((await search([codeTerm(b!)])).rows.map((r) => r.id)).toEqual([b!.id]);
    });

    it('changes a request only at the version read, with one timeline event and the change in the kiosks feed', async () => {
      const { store, another, device } = await kit.withKiosk();
      const second = await another();
      const staffId = await staffMember(store);
      const request = requestOf(device);
      await store.pushRequests(batch(device, [request]));
      const since = await store.lastEventSeq('north');
      const first = await store.mutateRequest(mutation(request, staffId, 0, { status: 'inReview' }));
      expect(first).toMatchObject({ ok: true, version: 1 });
      expect(await second.mutateRequest(mutation(request, staffId, 0, { status: 'refused' }))).toEqual({ ok: false, reason: 'versionConflict' });
      expect(await store.mutateRequest({ ...mutation(request, staffId, 0), requestId: 'nope' })).toEqual({ ok: false, reason: 'notFound' });
      const racing = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? store : second).mutateRequest(mutation(request, staffId, 1, { checklist: { index: i, checked: true }, event: { kind: 'documentChecked' } }))));
      expect(racing.filter((o) => o.ok)).toHaveLength(1);
      expect(await store.checklist(request.id)).toEqual([expect.objectContaining({ checked: true, staffId, staffName: 'Name staff-1', at: T1 })]);

      const timeline = await store.timeline(request.id);
      expect(timeline.map((e) => [e.kind, e.status])).toEqual([['received', 'received'], ['status', 'inReview'], ['documentChecked', 'inReview']]);
      expect(timeline[1]).toMatchObject({ staffId, staffName: 'Name staff-1', trackingCode: request.trackingCode });
      const feed = await second.eventsSince('north', since, 10);
      expect(feed.events.map((e) => e.kind)).toEqual(['status', 'documentChecked']);
      expect(feed.events[0]!.seq).toBe(first.ok ? first.seq : -1);
      expect((await second.eventsSince('north', since, 1)).more).toBe(true);
      expect((await second.eventsSince('south', 0, 10)).events).toEqual([]);
      expect((await store.changesSince('north', 0, 10)).changes.map((c) => c.status)).toEqual(['received', 'inReview']);
      expect((await store.listStaffAudit({ officeId: 'north', limit: 10 })).length).toBe(2);
    });

    it('records the reason code of a status change in the feed and the timeline', async () => {
      const { store, device } = await kit.withKiosk();
      const request = requestOf(device);
      await store.pushRequests(batch(device, [request]));
      const outcome = await store.appendStatus({ requestId: request.id, expected: 'received', status: 'refused', reason: 'no copy', reasonCode: 'missingDocuments', at: T1, by: 'cli' });
      expect(outcome).toMatchObject({ ok: true, change: { status: 'refused', reasonCode: 'missingDocuments' } });
      expect((await store.changesSince('north', 0, 10)).changes[1]).toMatchObject({ reasonCode: 'missingDocuments', reason: 'no copy' });
      expect((await store.timeline(request.id))[1]).toMatchObject({ kind: 'status', status: 'refused', reasonCode: 'missingDocuments' });
      expect((await store.getWorkRow('north', request.id))?.statusAt).toBe(T1);
    });
  });

  describe('heartbeats and statistics', () => {
    it('keeps the last heartbeat of each kiosk of the office', async () => {
      const { store, device } = await kit.withKiosk();
      await store.recordHeartbeat({ deviceId: device.id, body: '{"queueDepth":1}', receivedAt: T0 });
      await store.recordHeartbeat({ deviceId: device.id, body: '{"queueDepth":2}', receivedAt: T1 });
      expect(await store.listHeartbeats('north')).toEqual([{ deviceId: device.id, body: '{"queueDepth":2}', receivedAt: T1 }]);
      expect(await store.listHeartbeats('south')).toEqual([]);
    });

    it('counts requests by day and service, and how long they took to be ready', async () => {
      const { store, device } = await kit.withKiosk();
      const [a, b] = [requestOf(device), requestOf(device)];
      await store.pushRequests(batch(device, [a!, b!]));
      await store.appendStatus({ requestId: a!.id, expected: 'received', status: 'ready', reason: null, at: T1, by: 'cli' });
      const stats = await store.statisticsRows({ officeId: 'north', receivedFrom: '2026-11-28T00:00:00.000Z', receivedBefore: '2026-11-29T00:00:00.000Z' });
      expect(stats.counts.reduce((sum, row) => sum + row.received, 0)).toBe(2);
      expect(stats.counts.reduce((sum, row) => sum + row.ready, 0)).toBe(1);
      expect(stats.counts[0]).toMatchObject({ day: '2026-11-28', collected: 0, refused: 0 });
      expect(stats.readyDurationsMs).toEqual([60 * 60 * 1000]);
    });
  });

  describe('certificates', () => {
    const certificateOf = (request: CitizenRequest, number: string) => ({
      number,
      requestId: request.id,
      officeId: 'north',
      serviceId: request.serviceId,
      keyId: 'key-1',
      token: `token-${number}`,
      issuedAt: T1,
      issuedBy: 'cli',
      pdf: new Uint8Array([37, 80, 68, 70]),
    });

    it('numbers certificates per office and year without a repeat across instances', async () => {
      const { store, another } = await kit.withKiosk();
      const second = await another();
      const numbers = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? store : second).reserveCertificateNumber('north', 2026)));
      expect([...numbers].sort()).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await store.reserveCertificateNumber('north', 2027)).toBe(1);
    });

    it('issues one live certificate per request with its move to ready, and revokes it once', async () => {
      const { store, another, device } = await kit.withKiosk();
      const second = await another();
      const request = requestOf(device);
      await store.pushRequests(batch(device, [request]));
      expect(await store.getCertificateSubject(request.id)).toMatchObject({ trackingCode: request.trackingCode, status: 'received', request: { id: request.id } });
      const change = { requestId: request.id, expected: 'received' as const, status: 'ready' as const, reason: null, at: T1, by: 'cli' };
      const racing = await Promise.all([store, second].map((s, i) => s.storeIssuedCertificate({ certificate: certificateOf(request, `N-${i}`), statusChange: { via: 'append', change } })));
      expect(racing.filter((o) => o.ok)).toHaveLength(1);
      expect(racing.find((o) => !o.ok)).toMatchObject({ ok: false });
      const issued = (await store.certificatesOfRequest(request.id))[0]!;
      expect(issued).toMatchObject({ requestId: request.id, keyId: 'key-1', revokedAt: null });
      expect(await second.getCertificate(issued.number)).toEqual(issued);
      expect(Array.from((await second.getCertificatePdf(issued.number))!)).toEqual([37, 80, 68, 70]);
      expect((await store.changesSince('north', 0, 10)).changes.map((c) => c.status)).toEqual(['received', 'ready']);

      expect(await store.revokeCertificate({ number: issued.number, at: LATER, by: 'cli', reason: 'typo' })).toBe(true);
      expect(await second.revokeCertificate({ number: issued.number, at: LATER, by: 'cli', reason: 'typo' })).toBe(false);
      expect(await store.getCertificate(issued.number)).toMatchObject({ revokedAt: LATER, revokedBy: 'cli', revokedReason: 'typo' });
      expect(await store.storeIssuedCertificate({ certificate: certificateOf(request, 'N-9'), statusChange: null })).toEqual({ ok: true, change: null });
      expect(await store.getCertificate('nothing')).toBeNull();
    });
  });

  describe('prompt recordings', () => {
    it('keeps one recording per office, prompt and language, replaced when recorded again', async () => {
      const { store, another, device } = await kit.withKiosk();
      const second = await another();
      const put = (audio: number[], recordedAt: string, language: 'ar' | 'fr' = 'ar') =>
        store.putPromptRecording({ officeId: 'north', promptId: 'welcome', language, mime: 'audio/webm', audio: Buffer.from(audio), recordedAt, deviceId: device.id });
      await put([1, 2, 3], T0);
      const summary = await put([4, 5], T1);
      await put([6], T1, 'fr');
      expect(summary).toMatchObject({ promptId: 'welcome', language: 'ar', mime: 'audio/webm', recordedAt: T1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect((await second.listPromptRecordings('north')).map((r) => r.language)).toEqual(['ar', 'fr']);
      expect(await second.listPromptRecordings('south')).toEqual([]);
      const stored = await second.getPromptRecording('north', 'welcome', 'ar');
      expect({ ...stored, audio: Array.from(stored!.audio) }).toEqual({ ...summary, audio: [4, 5] });
      expect(await second.getPromptRecording('north', 'welcome', 'en')).toBeNull();
    });

    it("deletes one office's recording of one prompt in one language, and nothing else", async () => {
      const { store, another, device } = await kit.withKiosk();
      const second = await another();
      const put = (officeId: string, language: 'ar' | 'fr') =>
        store.putPromptRecording({ officeId, promptId: 'welcome', language, mime: 'audio/webm', audio: Buffer.from([1]), recordedAt: T0, deviceId: device.id });
      await put('north', 'ar');
      await put('north', 'fr');
      await put('south', 'ar');
      expect(await second.deletePromptRecording('north', 'welcome', 'ar')).toBe(true);
      expect(await store.deletePromptRecording('north', 'welcome', 'ar')).toBe(false);
      expect((await store.listPromptRecordings('north')).map((r) => r.language)).toEqual(['fr']);
      expect((await store.listPromptRecordings('south')).map((r) => r.language)).toEqual(['ar']);
    });
  });

  describe('office identity', () => {
    it('numbers the office identity in versions, serves the newest, and none before the first', async () => {
      const { store, another } = await kit.withKiosk();
      const second = await another();
      expect(await store.getOfficeIdentity('north')).toBeNull();
      const names = { ar: 'ملحقة الشمال', zgh: 'ⴰⵏⵏⵉⴽⵙ', fr: 'Annexe Nord', en: 'North annex' };
      const versions = await Promise.all([store, second, store].map((s) => s.setOfficeIdentity('north', { names, logo: null }, T0)));
      expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3]);
      expect(await second.getOfficeIdentity('north')).toEqual({ version: 3, names, logo: null });
      expect(await second.getOfficeIdentity('south')).toBeNull();
    });

    it("keeps the office's street list with its identity, Arabic and Latin names as given", async () => {
      const { store, another } = await kit.withKiosk();
      const names = { ar: 'ملحقة الشمال', zgh: 'ⴰⵏⵏⵉⴽⵙ', fr: 'Annexe Nord', en: 'North annex' };
      const streets = [
        { latin: 'Rue Atlas', ar: 'زنقة الأطلس' },
        { latin: 'Avenue Mohammed V', ar: 'شارع محمد الخامس' },
      ];
      await store.setOfficeIdentity('north', { names, logo: null, streets }, T0);
      expect((await (await another()).getOfficeIdentity('north'))?.streets).toEqual(streets);
    });
  });
}
