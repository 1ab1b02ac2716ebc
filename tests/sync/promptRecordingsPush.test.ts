import { afterEach, describe, expect, it } from 'vitest';
import type { PromptRecording, PromptRecordingSummary, PromptRecordingUpload } from '../../src/domain/promptRecordings';
import type { Locale } from '../../src/domain/locales';
import { allRecordings, deleteHere, findRecording, pendingRecordings, PromptRecordingsDb, recordHere } from '../../src/storage/promptRecordings';
import { pullPromptRecordings } from '../../src/sync/promptRecordingsPull';
import { pushPromptRecordings } from '../../src/sync/promptRecordingsPush';
import { SyncError } from '../../src/sync/syncError';

let db: PromptRecordingsDb;
afterEach(async () => {
  await db?.delete();
});

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const shaOf = (n: number) => String(n).repeat(64).slice(0, 64);

/** An office that keeps what kiosks send, as the back office does (its SHA-256 is the test's stand-in). */
function office() {
  const stored = new Map<string, PromptRecording>();
  const calls: string[] = [];
  let counter = 5;
  return {
    stored,
    calls,
    transport: {
      uploadPromptRecording: async (promptId: string, language: Locale, upload: PromptRecordingUpload): Promise<PromptRecordingSummary> => {
        calls.push(`upload ${promptId}/${language}`);
        const summary = { promptId, language, mime: upload.mime, sha256: shaOf((counter += 1)), recordedAt: '2026-12-02T10:00:00.000Z' };
        stored.set(`${promptId}/${language}`, { ...summary, audioBase64: upload.audioBase64 });
        return summary;
      },
      deletePromptRecording: async (promptId: string, language: Locale) => {
        calls.push(`delete ${promptId}/${language}`);
        return stored.delete(`${promptId}/${language}`);
      },
      promptRecordings: async () => [...stored.values()].map(({ audioBase64: _audio, ...summary }) => summary),
      promptRecording: async (promptId: string, language: Locale) => stored.get(`${promptId}/${language}`)!,
    },
  };
}

const take = (promptId: string, language: Locale, text: string, n: number) => ({
  promptId,
  language,
  mime: 'audio/webm' as const,
  sha256: shaOf(n),
  recordedAt: '2026-12-02T09:00:00.000Z',
  audio: bytes(text),
});

describe("sending what staff recorded on this kiosk", () => {
  it('plays a take at once, sends it with the next cycle, and settles it with what the office stored', async () => {
    db = new PromptRecordingsDb(`recordings-${Math.random()}`);
    const backoffice = office();
    await recordHere(db, take('screen.home', 'zgh', 'azul', 1));
    expect((await allRecordings(db)).map((r) => r.promptId)).toEqual(['screen.home']);
    expect(await pushPromptRecordings(db, backoffice.transport)).toEqual({ uploaded: 1, deleted: 0 });
    expect(atob(backoffice.stored.get('screen.home/zgh')!.audioBase64)).toBe('azul');
    const settled = await findRecording(db, { promptId: 'screen.home', language: 'zgh' });
    expect(settled?.pending).toBeUndefined();
    expect(settled?.sha256).toBe(backoffice.stored.get('screen.home/zgh')!.sha256);
    expect(await pullPromptRecordings(db, backoffice.transport)).toEqual({ fetched: 0, dropped: 0 });
  });

  it('keeps a take the office has not acknowledged: a pull neither replaces nor drops it', async () => {
    db = new PromptRecordingsDb(`recordings-${Math.random()}`);
    const backoffice = office();
    await backoffice.transport.uploadPromptRecording('choice.yes', 'ar', { mime: 'audio/webm', audioBase64: btoa('old') });
    await recordHere(db, take('choice.yes', 'ar', 'new', 1));
    await recordHere(db, take('choice.no', 'ar', 'only here', 2));
    expect(await pullPromptRecordings(db, backoffice.transport)).toEqual({ fetched: 0, dropped: 0 });
    expect((await pendingRecordings(db)).map((r) => `${r.promptId} ${new TextDecoder().decode(r.audio)}`).sort()).toEqual(['choice.no only here', 'choice.yes new']);
  });

  it('sends a deletion, stops playing the recording at once, and forgets it once acknowledged', async () => {
    db = new PromptRecordingsDb(`recordings-${Math.random()}`);
    const backoffice = office();
    await recordHere(db, take('screen.home', 'ar', 'marhaba', 1));
    await pushPromptRecordings(db, backoffice.transport);
    expect(await deleteHere(db, { promptId: 'screen.home', language: 'ar' })).toBe(true);
    expect(await allRecordings(db)).toEqual([]);
    // Still pending: the office's copy pulled meanwhile does not bring it back.
    await pullPromptRecordings(db, backoffice.transport);
    expect(await findRecording(db, { promptId: 'screen.home', language: 'ar' })).toBeNull();
    expect(await pushPromptRecordings(db, backoffice.transport)).toEqual({ uploaded: 0, deleted: 1 });
    expect(backoffice.stored.size).toBe(0);
    expect(await db.recordings.count()).toBe(0);
    expect(await deleteHere(db, { promptId: 'screen.home', language: 'ar' })).toBe(false);
  });

  it('leaves a take recorded again during the upload pending for the next cycle', async () => {
    db = new PromptRecordingsDb(`recordings-${Math.random()}`);
    const backoffice = office();
    await recordHere(db, take('screen.home', 'fr', 'first', 1));
    const upload = backoffice.transport.uploadPromptRecording;
    backoffice.transport.uploadPromptRecording = async (...args) => {
      await recordHere(db, take('screen.home', 'fr', 'second', 2));
      return upload(...args);
    };
    await pushPromptRecordings(db, backoffice.transport);
    expect((await pendingRecordings(db)).map((r) => new TextDecoder().decode(r.audio))).toEqual(['second']);
    backoffice.transport.uploadPromptRecording = upload;
    await pushPromptRecordings(db, backoffice.transport);
    expect(atob(backoffice.stored.get('screen.home/fr')!.audioBase64)).toBe('second');
    expect(await pendingRecordings(db)).toEqual([]);
  });

  it("drops a street's take the office refuses (no longer its street) and sends the rest", async () => {
    db = new PromptRecordingsDb(`recordings-${Math.random()}`);
    const backoffice = office();
    const upload = backoffice.transport.uploadPromptRecording;
    backoffice.transport.uploadPromptRecording = async (promptId, language, body) => {
      if (promptId === 'street.rue_anoual') throw new SyncError('badRequest', 'unknown_street', { status: 404 });
      return upload(promptId, language, body);
    };
    await recordHere(db, take('street.rue_anoual', 'ar', 'anoual', 1));
    await recordHere(db, take('street.rue_atlas', 'ar', 'atlas', 2));
    expect(await pushPromptRecordings(db, backoffice.transport)).toEqual({ uploaded: 1, deleted: 0 });
    expect(await pendingRecordings(db)).toEqual([]);
    expect((await allRecordings(db)).map((r) => r.promptId)).toEqual(['street.rue_atlas']);
  });

  it('keeps a take of a manifest prompt pending when the office answers 404 (a back office without the route)', async () => {
    db = new PromptRecordingsDb(`recordings-${Math.random()}`);
    const backoffice = office();
    backoffice.transport.uploadPromptRecording = async () => {
      throw new SyncError('badRequest', 'not found', { status: 404 });
    };
    await recordHere(db, take('screen.home', 'ar', 'marhaba', 1));
    await expect(pushPromptRecordings(db, backoffice.transport)).rejects.toThrow(SyncError);
    expect((await pendingRecordings(db)).map((r) => r.promptId)).toEqual(['screen.home']);
  });
});
