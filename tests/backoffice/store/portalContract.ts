import { describe, expect, it } from 'vitest';
import { PORTAL_OFFICE_ID, type PortalSignInInput } from '../../../backoffice/src/store/portalTypes';
import type { PushInput } from '../../../backoffice/src/store/types';
import { canonicalRequestJson, type CitizenRequest } from '../../../src/domain/request';
import { makeRequest } from '../fixtures';
import type { ConsoleContractKit } from './consoleContract';

const T0 = '2026-11-28T10:00:00.000Z';
const T1 = '2026-11-28T10:04:00.000Z';
const T2 = '2026-11-28T10:06:00.000Z';
const LATER = '2026-12-28T10:00:00.000Z';
const FAR = '2027-03-01T10:00:00.000Z';

/**
 * The portal's part of the one store contract (migration 011), called from storeContract() so
 * it runs on SQLite and on PostgreSQL, through the Store interface only.
 */
export function portalContract(kit: Pick<ConsoleContractKit, 'withKiosk'>): void {
  let n = 0;
  function signIn(identity: PortalSignInInput['identity'], extra: { previousId?: string; candidates?: string[]; at?: string } = {}): PortalSignInInput {
    n++;
    return {
      identity,
      newAccountId: `0193f000-0000-7000-8000-${String(n).padStart(12, '0')}`,
      at: extra.at ?? T0,
      session: { tokenHash: `session-${n}`, idleExpiresAt: LATER, absoluteExpiresAt: FAR },
      installation: {
        ...(extra.previousId ? { previousId: extra.previousId } : {}),
        newId: `0193f000-0000-7000-9000-${String(n).padStart(12, '0')}`,
        tokenHash: `device-${n}`,
        prefixCandidates: extra.candidates ?? ['1AA', '1AB', '1AC', '1AD'],
      },
    };
  }
  const portalBatch = (installationId: string, officeId: string, accountId: string, requests: readonly CitizenRequest[]): PushInput => ({
    deviceId: installationId,
    officeId,
    receivedAt: T0,
    kioskSeqs: requests.map((r) => r.kioskSeq),
    items: requests.map((request) => ({ request, canonical: canonicalRequestJson(request) })),
    portalAccountId: accountId,
  });

  describe('portal', () => {
    it('keeps one code per address, consumes the right one once, and kills it after the last wrong try', async () => {
      const { store } = await kit.withKiosk();
      await store.putLoginCode({ address: 'sms:+212600000001', secretHash: 'h1', createdAt: T0, expiresAt: T1 });
      // A new code replaces the previous one.
      await store.putLoginCode({ address: 'sms:+212600000001', secretHash: 'h2', createdAt: T0, expiresAt: T1 });
      const check = (secretHash: string, now = T0) => store.checkLoginCode({ address: 'sms:+212600000001', secretHash, now, maxTries: 3 });
      expect(await check('h1')).toBe('wrong');
      expect(await check('h2')).toBe('ok');
      expect(await check('h2')).toBe('none');

      await store.putLoginCode({ address: 'sms:+212600000001', secretHash: 'h3', createdAt: T0, expiresAt: T1 });
      expect(await check('x')).toBe('wrong');
      expect(await check('y')).toBe('wrong');
      expect(await check('z')).toBe('wrong');
      expect(await check('h3')).toBe('none');

      await store.putLoginCode({ address: 'sms:+212600000001', secretHash: 'h4', createdAt: T0, expiresAt: T1 });
      expect(await check('h4', T2)).toBe('none');
    });

    it('opens an e-mail link once, and never after its expiry', async () => {
      const { store } = await kit.withKiosk();
      await store.putLoginCode({ address: 'email:a@example.org', secretHash: 'link-1', createdAt: T0, expiresAt: T1 });
      expect(await store.takeLoginLink('link-1', T0)).toBe('email:a@example.org');
      expect(await store.takeLoginLink('link-1', T0)).toBeNull();
      await store.putLoginCode({ address: 'email:a@example.org', secretHash: 'link-2', createdAt: T0, expiresAt: T1 });
      expect(await store.takeLoginLink('link-2', T2)).toBeNull();
    });

    it('creates the account at the first sign-in, keeps an installation across sign-ins, and gives each a prefix of its own', async () => {
      const { store } = await kit.withKiosk();
      const first = await store.portalSignIn(signIn({ phone: '+212600000001' }));
      if (!first.ok) throw new Error('refused');
      expect(first.accountCreated).toBe(true);
      expect(first.installation).toEqual({ id: expect.any(String), trackingPrefix: '1AA', lastSeq: 0 });
      const again = await store.portalSignIn(signIn({ phone: '+212600000001' }, { previousId: first.installation.id, at: T1 }));
      if (!again.ok) throw new Error('refused');
      expect(again.accountCreated).toBe(false);
      expect(again.account.id).toBe(first.account.id);
      expect(again.installation.id).toBe(first.installation.id);
      // Another account cannot take over this installation by naming it.
      const other = await store.portalSignIn(signIn({ email: 'b@example.org' }, { previousId: first.installation.id }));
      if (!other.ok) throw new Error('refused');
      expect(other.installation.id).not.toBe(first.installation.id);
      expect(other.installation.trackingPrefix).toBe('1AB');
      expect(await store.getPortalSession(`session-${n}`)).toMatchObject({ accountId: other.account.id, installationId: other.installation.id, revokedAt: null });
      // The reserved office never appears as an annex, and no kiosk sees the installations.
      expect((await store.listServedOffices()).map((o) => o.id)).toEqual(['north', 'south']);
      expect((await store.getOffice(PORTAL_OFFICE_ID))?.revokedAt).not.toBeNull();
      expect(await store.portalSignIn(signIn({ phone: '+212600000009' }, { candidates: ['1AA', '1AB'] }))).toEqual({ ok: false, reason: 'prefixesExhausted' });
      // Refused whole: no account was left behind.
      expect((await store.portalSignIn(signIn({ phone: '+212600000009' }))).ok).toBe(true);
    });

    it('binds portal pushes to the account with channel portal, lists them, and finds them by tracking code', async () => {
      const { store, device } = await kit.withKiosk();
      const signed = await store.portalSignIn(signIn({ phone: '+212600000002' }));
      if (!signed.ok) throw new Error('refused');
      const { account, installation } = signed;
      const mine = makeRequest(installation.trackingPrefix, 1);
      expect(await store.pushRequests(portalBatch(installation.id, 'south', account.id, [mine]))).toEqual(['accepted']);
      expect(await store.pushRequests(portalBatch(installation.id, 'south', account.id, [mine]))).toEqual(['duplicate']);
      const kiosk = makeRequest(device.trackingPrefix, 1);
      await store.pushRequests({ deviceId: device.id, officeId: device.officeId, receivedAt: T0, kioskSeqs: [1], items: [{ request: kiosk, canonical: canonicalRequestJson(kiosk) }] });

      expect((await store.getWorkRow('south', mine.id))?.channel).toBe('portal');
      expect((await store.getWorkRow('north', kiosk.id))?.channel).toBe('kiosk');
      expect(await store.findRequestByTrackingCode(mine.trackingCode)).toMatchObject({ id: mine.id, officeId: 'south' });
      const listed = await store.portalRequests(account.id, 10);
      expect(listed).toEqual([
        expect.objectContaining({ id: mine.id, officeId: 'south', status: 'received', trackingCode: mine.trackingCode, reasonCode: null, reason: null }),
      ]);
      expect(await store.portalRequest(account.id, kiosk.id)).toBeNull();
      expect((await store.getPortalInstallation(installation.id))?.lastSeq).toBe(1);
      expect(await store.getPortalAccount(account.id, T0)).toMatchObject({ requests: 1, sessions: 1 });

      await store.appendStatus({ requestId: mine.id, expected: 'received', status: 'refused', reason: null, reasonCode: 'withdrawnByCitizen', at: T1, by: 'portal' });
      await store.emptyWithdrawnRequest(mine.id, T1);
      expect(await store.portalRequest(account.id, mine.id)).toMatchObject({ status: 'refused', reasonCode: 'withdrawnByCitizen', statusProof: null });
      // Emptied, yet a resend of the same request is still recognised.
      expect(await store.pushRequests(portalBatch(installation.id, 'south', account.id, [mine]))).toEqual(['duplicate']);
    });

    it('revokes a session, deletes an account with its sessions (detaching its requests, audited), and purges what ended', async () => {
      const { store } = await kit.withKiosk();
      const signed = await store.portalSignIn(signIn({ phone: '+212600000003' }));
      if (!signed.ok) throw new Error('refused');
      const token = `session-${n}`;
      const request = makeRequest(signed.installation.trackingPrefix, 1);
      await store.pushRequests(portalBatch(signed.installation.id, 'north', signed.account.id, [request]));
      expect(await store.revokePortalSession(token, T1)).toBe(true);
      expect(await store.revokePortalSession(token, T1)).toBe(false);
      expect((await store.getPortalSession(token))?.revokedAt).toBe(T1);

      expect(await store.deletePortalAccount({ accountId: signed.account.id, at: T2, auditDetail: '{"withdrawn":0}' })).toEqual({ detached: 1 });
      expect(await store.deletePortalAccount({ accountId: signed.account.id, at: T2, auditDetail: '' })).toBeNull();
      expect(await store.getPortalAccount(signed.account.id, T2)).toBeNull();
      expect(await store.getPortalSession(token)).toBeNull();
      expect((await store.getWorkRow('north', request.id))?.channel).toBe('portal');
      expect((await store.getDevice(signed.installation.id))?.revokedAt).toBe(T2);
      expect((await store.listStaffAudit({ limit: 10 })).map((e) => e.action)).toContain('portal.account.deleted');

      // Purge: an idle account without requests goes, with its ended session and its expired code.
      const idle = await store.portalSignIn(signIn({ email: 'idle@example.org' }));
      if (!idle.ok) throw new Error('refused');
      await store.revokePortalSession(`session-${n}`, T1);
      await store.putLoginCode({ address: 'sms:+212600000004', secretHash: 'old', createdAt: T0, expiresAt: T1 });
      expect(await store.purgePortal({ now: T2, unusedBefore: T1 })).toEqual({ codes: 1, sessions: 1, accounts: 1 });
      expect(await store.getPortalAccount(idle.account.id, T2)).toBeNull();
    });
  });
}
