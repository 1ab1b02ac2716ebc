import { describe, expect, it } from 'vitest';
import type { Store } from '../../../../backoffice/src/store/types';
import { LATER, T0, type ContractKit } from './kit';

const STREET = 'street.rue_atlas';

/**
 * Staff takes and the back office's synthesised takes of one prompt and language (migration 016):
 * the kiosks get the staff take while there is one, a synthesised take never replaces nor hides
 * it, and deleting the staff take brings the synthesised one back.
 */
export function promptRecordingOriginContract(kit: ContractKit): void {
  const synthesise = (store: Store, audio: number[], source = 'espeak-ng|ar|a', officeId = 'north', language: 'ar' | 'fr' = 'ar') =>
    store.putSynthesisedPromptRecording({ officeId, promptId: STREET, language, mime: 'audio/ogg', audio: Buffer.from(audio), recordedAt: T0, source });
  const recordAsStaff = (store: Store, deviceId: string, audio: number[]) =>
    store.putPromptRecording({ officeId: 'north', promptId: STREET, language: 'ar', mime: 'audio/webm', audio: Buffer.from(audio), recordedAt: LATER, deviceId });
  const played = async (store: Store) => {
    const stored = await store.getPromptRecording('north', STREET, 'ar');
    return stored && { origin: stored.origin, mime: stored.mime, audio: Array.from(stored.audio) };
  };

  describe('prompt recordings: staff and synthesised takes', () => {
    it('serves a synthesised take while no staff take exists, listed as synthesised', async () => {
      const { store, another } = await kit.withKiosk();
      await synthesise(store, [1, 2]);
      const second = await another();
      expect(await played(second)).toEqual({ origin: 'synthesised', mime: 'audio/ogg', audio: [1, 2] });
      expect(await second.listPromptRecordings('north')).toEqual([
        { promptId: STREET, language: 'ar', mime: 'audio/ogg', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), recordedAt: T0, origin: 'synthesised' },
      ]);
      expect(await second.listPromptRecordings('south')).toEqual([]);
    });

    it('lets a staff take win over a synthesised one, in the list and when fetched', async () => {
      const { store, device } = await kit.withKiosk();
      await synthesise(store, [1, 2]);
      const staff = await recordAsStaff(store, device.id, [7, 8, 9]);
      expect(staff.origin).toBe('staff');
      expect(await played(store)).toEqual({ origin: 'staff', mime: 'audio/webm', audio: [7, 8, 9] });
      expect(await store.listPromptRecordings('north')).toEqual([{ ...staff }]);
    });

    it('never lets a synthesised take replace a staff one, made before or after it', async () => {
      const { store, device } = await kit.withKiosk();
      await recordAsStaff(store, device.id, [7]);
      await synthesise(store, [1]);
      await synthesise(store, [2], 'espeak-ng|ar|b');
      expect(await played(store)).toEqual({ origin: 'staff', mime: 'audio/webm', audio: [7] });
      expect((await store.listPromptRecordings('north')).map((r) => r.origin)).toEqual(['staff']);
      expect(await store.listSynthesisedPromptSources('north')).toEqual([{ promptId: STREET, language: 'ar', source: 'espeak-ng|ar|b' }]);
    });

    it('brings the synthesised take back when the staff take is deleted, and keeps it on a second deletion', async () => {
      const { store, another, device } = await kit.withKiosk();
      await synthesise(store, [1, 2]);
      const staff = await recordAsStaff(store, device.id, [7]);
      const second = await another();
      expect(await second.deletePromptRecording('north', STREET, 'ar')).toBe(true);
      expect(await played(store)).toEqual({ origin: 'synthesised', mime: 'audio/ogg', audio: [1, 2] });
      const [listed] = await store.listPromptRecordings('north');
      expect(listed?.origin).toBe('synthesised');
      expect(listed?.sha256).not.toBe(staff.sha256);
      // A staff deletion never removes a synthesised take: a kiosk's retry deletes nothing.
      expect(await store.deletePromptRecording('north', STREET, 'ar')).toBe(false);
      expect(await played(second)).toEqual({ origin: 'synthesised', mime: 'audio/ogg', audio: [1, 2] });
    });

    it("lists every synthesised take's source, replaced when made again, and deletes one without touching staff takes", async () => {
      const { store, device } = await kit.withKiosk();
      await synthesise(store, [1], 'espeak-ng|ar|a');
      await synthesise(store, [2], 'espeak-ng|fr-fr|a', 'north', 'fr');
      await synthesise(store, [3], 'espeak-ng|ar|z', 'south');
      await synthesise(store, [4], 'espeak-ng|ar|new');
      expect(await store.listSynthesisedPromptSources('north')).toEqual([
        { promptId: STREET, language: 'ar', source: 'espeak-ng|ar|new' },
        { promptId: STREET, language: 'fr', source: 'espeak-ng|fr-fr|a' },
      ]);
      await recordAsStaff(store, device.id, [7]);
      expect(await store.deleteSynthesisedPromptRecording('north', STREET, 'ar')).toBe(true);
      expect(await store.deleteSynthesisedPromptRecording('north', STREET, 'ar')).toBe(false);
      expect(await played(store)).toEqual({ origin: 'staff', mime: 'audio/webm', audio: [7] });
      expect(await store.listSynthesisedPromptSources('north')).toEqual([{ promptId: STREET, language: 'fr', source: 'espeak-ng|fr-fr|a' }]);
      expect(await store.listSynthesisedPromptSources('south')).toEqual([{ promptId: STREET, language: 'ar', source: 'espeak-ng|ar|z' }]);
    });

    it("says each office's newest identity version, for a worker that looks for changed street lists", async () => {
      const { store, another } = await kit.withKiosk();
      expect(await store.officeIdentityVersions()).toEqual([]);
      const names = { ar: 'ملحقة', zgh: 'ⴰⵏⵏⵉⴽⵙ', fr: 'Annexe', en: 'Annex' };
      await store.setOfficeIdentity('south', { names, logo: null }, T0);
      await store.setOfficeIdentity('north', { names, logo: null }, T0);
      await store.setOfficeIdentity('north', { names, logo: null, streets: [{ latin: 'Rue Atlas', ar: 'زنقة الأطلس' }] }, LATER);
      expect(await (await another()).officeIdentityVersions()).toEqual([
        { officeId: 'north', version: 2 },
        { officeId: 'south', version: 1 },
      ]);
    });
  });
}
