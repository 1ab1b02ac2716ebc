import { afterEach, describe, expect, it } from 'vitest';
import type { ListedPromptRecording, PromptRecording, PromptRecordingSummary } from '../../src/domain/promptRecordings';
import { allRecordings, PromptRecordingsDb } from '../../src/storage/promptRecordings';
import { pullPromptRecordings } from '../../src/sync/promptRecordingsPull';

let db: PromptRecordingsDb;
afterEach(async () => {
  await db?.delete();
});

const sha = (n: number) => String(n).repeat(64).slice(0, 64);
const summary = (promptId: string, language: PromptRecordingSummary['language'], n: number): PromptRecordingSummary => ({
  promptId,
  language,
  mime: 'audio/webm',
  sha256: sha(n),
  recordedAt: '2026-11-28T10:00:00.000Z',
});

function office(list: ListedPromptRecording[]) {
  const fetched: string[] = [];
  return {
    fetched,
    transport: {
      promptRecordings: async () => list,
      promptRecording: async (promptId: string, language: string): Promise<PromptRecording> => {
        fetched.push(`${promptId}/${language}`);
        // The fetch answers the shape earlier kiosks parse: no origin.
        const { origin: _origin, ...found } = list.find((entry) => entry.promptId === promptId && entry.language === language)!;
        return { ...found, audioBase64: btoa(`audio of ${promptId} ${found.sha256.slice(0, 1)}`) };
      },
    },
  };
}

function audioText(audio: ArrayBuffer): string {
  return new TextDecoder().decode(audio);
}

describe("pulling the office's prompt recordings", () => {
  it('fetches the recordings the kiosk lacks and keeps their audio', async () => {
    db = new PromptRecordingsDb(`recordings-${Math.random()}`);
    const { transport, fetched } = office([summary('screen.home', 'zgh', 1), summary('choice.yes', 'zgh', 2)]);
    expect(await pullPromptRecordings(db, transport)).toEqual({ fetched: 2, dropped: 0 });
    expect(fetched.sort()).toEqual(['choice.yes/zgh', 'screen.home/zgh']);
    const home = (await allRecordings(db)).find((recording) => recording.promptId === 'screen.home')!;
    expect(home.mime).toBe('audio/webm');
    expect(audioText(home.audio)).toBe('audio of screen.home 1');
  });

  it('fetches again only what changed, and drops what the office removed', async () => {
    db = new PromptRecordingsDb(`recordings-${Math.random()}`);
    await pullPromptRecordings(db, office([summary('screen.home', 'zgh', 1), summary('choice.yes', 'zgh', 2)]).transport);
    const later = office([summary('screen.home', 'zgh', 3)]);
    expect(await pullPromptRecordings(db, later.transport)).toEqual({ fetched: 1, dropped: 1 });
    expect(later.fetched).toEqual(['screen.home/zgh']);
    const left = await allRecordings(db);
    expect(left.map((recording) => `${recording.promptId}/${recording.sha256.slice(0, 1)}`)).toEqual(['screen.home/3']);
    const again = office([summary('screen.home', 'zgh', 3)]);
    expect(await pullPromptRecordings(db, again.transport)).toEqual({ fetched: 0, dropped: 0 });
  });

  it("keeps a street's synthesised take as synthesised, replaces it by the staff take, and takes it back when staff delete theirs", async () => {
    db = new PromptRecordingsDb(`recordings-${Math.random()}`);
    const synthesised: ListedPromptRecording = { ...summary('street.rue_atlas', 'ar', 1), mime: 'audio/ogg', origin: 'synthesised' };
    const first = office([synthesised]);
    expect(await pullPromptRecordings(db, first.transport)).toEqual({ fetched: 1, dropped: 0 });
    const origins = async () => (await allRecordings(db)).map((recording) => `${recording.promptId}/${recording.sha256.slice(0, 1)}/${recording.origin ?? 'staff'}`);
    expect(await origins()).toEqual(['street.rue_atlas/1/synthesised']);
    // Staff recorded it on another kiosk: its SHA-256 differs, so it is fetched, and is staff's.
    const recorded = office([{ ...summary('street.rue_atlas', 'ar', 2), origin: 'staff' }]);
    expect(await pullPromptRecordings(db, recorded.transport)).toEqual({ fetched: 1, dropped: 0 });
    expect(await origins()).toEqual(['street.rue_atlas/2/staff']);
    // Staff deleted it: the back office lists its synthesised take again.
    const back = office([synthesised]);
    expect(await pullPromptRecordings(db, back.transport)).toEqual({ fetched: 1, dropped: 0 });
    expect(await origins()).toEqual(['street.rue_atlas/1/synthesised']);
  });
});
