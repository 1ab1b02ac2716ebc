import { describe, expect, it } from 'vitest';
import { hashSecret } from '../../../../backoffice/src/service/secrets';
import { makeRequest } from '../../fixtures';
import { LATER, T0, type ContractKit } from './kit';

const NEXT_YEAR = '2027-11-28T10:00:00.000Z';

/** Enrolment codes used once (also under concurrency from two instances), prefixes, tokens, revocation and a tablet enrolled again. */
export function enrolmentContract(kit: ContractKit): void {
  const { withKiosk, enrol, batch } = kit;
  describe('enrolment and tokens', () => {
    it('enrols a kiosk with a code once, with the first free prefix', async () => {
      const { store, device } = await withKiosk();
      expect(device).toMatchObject({ officeId: 'north', trackingPrefix: 'KPA', enrolledAt: T0, revokedAt: null, lastKioskSeq: 0 });
      expect(await store.getDevice(device.id)).toEqual(device);
      expect((await enrol(store)).trackingPrefix).toBe('KPB');
    });

    it('refuses a used, an expired, an unknown code and a code of a revoked office', async () => {
      const { store } = await withKiosk();
      const redeem = (code: string, now = T0) =>
        store.redeemEnrolmentCode({ codeHash: hashSecret(code), now, device: { id: `d-${code}`, label: 'k', tokenHash: hashSecret(`t-${code}`) }, prefixCandidates: ['KZZ', 'KZY'] });
      await store.createEnrolmentCode({ codeHash: hashSecret('once'), officeId: 'north', createdAt: T0, expiresAt: LATER });
      expect((await redeem('once')).ok).toBe(true);
      expect(await redeem('once')).toEqual({ ok: false, reason: 'used' });
      await store.createEnrolmentCode({ codeHash: hashSecret('old'), officeId: 'north', createdAt: T0, expiresAt: LATER });
      expect(await redeem('old', LATER)).toEqual({ ok: false, reason: 'expired' });
      expect(await redeem('never')).toEqual({ ok: false, reason: 'unknown' });
      await store.createEnrolmentCode({ codeHash: hashSecret('closed'), officeId: 'south', createdAt: T0, expiresAt: LATER });
      await store.revokeOffice('south', T0);
      expect(await redeem('closed')).toEqual({ ok: false, reason: 'officeRevoked' });
      await store.createEnrolmentCode({ codeHash: hashSecret('full'), officeId: 'north', createdAt: T0, expiresAt: LATER });
      await store.createEnrolmentCode({ codeHash: hashSecret('full2'), officeId: 'north', createdAt: T0, expiresAt: LATER });
      expect((await redeem('full')).ok).toBe(true);
      expect(await redeem('full2')).toEqual({ ok: false, reason: 'prefixesExhausted' });
    });

    it('lets one code enrol one kiosk when many redeem it at once, from two instances', async () => {
      const { store, another } = await withKiosk();
      const second = await another();
      await store.createEnrolmentCode({ codeHash: hashSecret('contested'), officeId: 'north', createdAt: T0, expiresAt: LATER });
      const outcomes = await Promise.all(
        [...Array(10).keys()].map((i) =>
          (i % 2 ? store : second).redeemEnrolmentCode({
            codeHash: hashSecret('contested'),
            now: T0,
            device: { id: `racer-${i}`, label: 'k', tokenHash: hashSecret(`racer-${i}`) },
            prefixCandidates: ['KQA', 'KQB'],
          }),
        ),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok).map((o) => (o.ok ? null : o.reason))).toEqual(Array(9).fill('used'));
      expect(await store.listDevices('north')).toHaveLength(2);
    });

    it('gives kiosks enrolling at once different prefixes', async () => {
      const { store, another } = await withKiosk();
      const second = await another();
      const devices = await Promise.all([...Array(6).keys()].map((i) => enrol(i % 2 ? store : second)));
      expect(new Set(devices.map((d) => d.trackingPrefix)).size).toBe(6);
    });

    it('finds which device a token belongs to, and says when it or its office was revoked', async () => {
      const { store, device } = await withKiosk();
      const deviceToken = hashSecret(`token-${device.id}`);
      expect(await store.findPrincipal(deviceToken)).toEqual({ kind: 'device', deviceId: device.id, officeId: 'north', revoked: false, officeRevoked: false, lastKioskSeq: 0 });
      expect(await store.findPrincipal(hashSecret('nobody'))).toBeNull();
      await store.revokeOffice('north', LATER);
      expect(await store.findPrincipal(deviceToken)).toMatchObject({ revoked: false, officeRevoked: true });
      expect(await store.revokeDevice(device.id, LATER)).toBe(true);
      expect(await store.revokeDevice(device.id, LATER)).toBe(false);
      expect(await store.findPrincipal(deviceToken)).toMatchObject({ revoked: true });
    });

    it('lists kiosks in enrolment order, all of them or one office’s', async () => {
      const { store, device } = await withKiosk();
      const south = await enrol(store, 'south', { now: LATER });
      const third = await enrol(store, 'north', { now: '2026-11-30T10:00:00.000Z' });
      expect((await store.listDevices()).map((d) => d.id)).toEqual([device.id, south.id, third.id]);
      expect((await store.listDevices('north')).map((d) => d.id)).toEqual([device.id, third.id]);
      expect(await store.listDevices('nowhere')).toEqual([]);
    });

    it('replaces the active device of a tablet enrolled again with the token it held: revoked, its prefix and sequence moved, audited', async () => {
      const { store, device, another } = await withKiosk();
      const oldToken = hashSecret(`token-${device.id}`);
      await store.pushRequests(batch(device, [makeRequest(device.trackingPrefix, 1)]));
      // A new code for the office, redeemed by a tablet presenting the token it held.
      const enrolAgain = async (name: string, prefix: string, auditId: string) => {
        await store.createEnrolmentCode({ codeHash: hashSecret(name), officeId: 'north', createdAt: T0, expiresAt: NEXT_YEAR });
        return store.redeemEnrolmentCode({
          codeHash: hashSecret(name),
          now: LATER,
          device: { id: `tablet-${name}`, label: 'k', tokenHash: hashSecret(`token-${name}`) },
          prefixCandidates: [prefix],
          replaces: { tokenHash: oldToken, auditId },
        });
      };
      const outcome = await enrolAgain('again', 'KRA', 'audit-replaced');
      expect(outcome).toMatchObject({ ok: true, replaced: device.id, device: { id: 'tablet-again', lastKioskSeq: 1 } });
      // The old token no longer works, and one device stands for the tablet.
      expect(await store.findPrincipal(oldToken)).toMatchObject({ deviceId: device.id, revoked: true });
      const active = (await store.listDevices('north')).filter((each) => each.revokedAt === null);
      expect(active.map((each) => each.id)).toEqual(['tablet-again']);
      // The audit entry is written under the id given: storing it again adds nothing.
      expect(await store.storeAudit({ deviceId: 'tablet-again', officeId: 'north', receivedAt: LATER, entries: [{ id: 'audit-replaced', at: LATER, action: 'x', detail: '' }] })).toBe(0);
      // Its old prefix is its own still: a request queued under it is accepted from the new device, on another instance too.
      const queued = makeRequest(device.trackingPrefix, 2);
      expect(await (await another()).pushRequests(batch({ id: 'tablet-again', officeId: 'north' }, [queued], LATER))).toEqual(['accepted']);
      // Presenting the old token again replaces nothing more.
      expect(await enrolAgain('third', 'KRB', 'audit-third')).toMatchObject({ ok: true, replaced: null });
    });

    it('tells which office an enrolment code belongs to, used or not', async () => {
      const { store } = await withKiosk();
      await store.createEnrolmentCode({ codeHash: hashSecret('south-code'), officeId: 'south', createdAt: T0, expiresAt: LATER });
      expect(await store.enrolmentCodeOffice(hashSecret('south-code'))).toBe('south');
      expect(await store.enrolmentCodeOffice(hashSecret('no-such-code'))).toBeNull();
    });
  });
}
