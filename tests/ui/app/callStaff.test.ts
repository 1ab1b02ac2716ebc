import { describe, expect, it } from 'vitest';
import { callStaff, HELP_CALLED_ACTION } from '../../../src/app/callStaff';
import { CHIME_NOTES, createStaffChime, type ChimeAudio } from '../../../src/app/staffChime';
import { listAudit } from '../../../src/storage/audit';
import { freshDb } from '../../storage/support';

interface Envelope {
  peak: number;
  toSpeakers: boolean;
}

/** Web Audio as far as the chime uses it, recording the notes it schedules. */
class FakeAudio implements ChimeAudio {
  readonly currentTime = 10;
  readonly destination = { speakers: true };
  state = 'suspended';
  resumed = 0;
  readonly notes: Array<{ frequency: number; start: number; stop: number; envelope?: Envelope }> = [];

  async resume(): Promise<void> {
    this.resumed += 1;
    this.state = 'running';
  }

  createOscillator() {
    const note: FakeAudio['notes'][number] = { frequency: 0, start: 0, stop: 0 };
    this.notes.push(note);
    return {
      type: '',
      frequency: { setValueAtTime: (value: number) => (note.frequency = value) },
      connect: (node: unknown) => (note.envelope = (node as { record: Envelope }).record),
      start: (at: number) => (note.start = at),
      stop: (at: number) => (note.stop = at),
    };
  }

  createGain() {
    const record: Envelope = { peak: 0, toSpeakers: false };
    return {
      record,
      gain: {
        setValueAtTime: (value: number) => (record.peak = Math.max(record.peak, value)),
        exponentialRampToValueAtTime: () => undefined,
      },
      connect: (node: unknown) => (record.toSpeakers = node === this.destination),
    };
  }
}

describe('the staff chime', () => {
  it('plays a two-note ding-dong twice, on the speakers, within the tap', () => {
    const audio = new FakeAudio();
    expect(createStaffChime(() => audio).play()).toBe(true);
    expect(audio.resumed).toBe(1);
    expect(audio.notes.map((note) => note.frequency)).toEqual(CHIME_NOTES.map((note) => note.frequency));
    expect(audio.notes.every((note) => note.envelope?.toSpeakers && note.envelope.peak > 0 && note.stop > note.start && note.start >= audio.currentTime)).toBe(true);
  });

  it('opens one audio context for every call, not one per call', () => {
    let opened = 0;
    const chime = createStaffChime(() => {
      opened += 1;
      return new FakeAudio();
    });
    chime.play();
    chime.play();
    expect(opened).toBe(1);
  });

  it('says so, without throwing, on a kiosk that cannot play sound', () => {
    expect(createStaffChime(() => null).play()).toBe(false);
    expect(
      createStaffChime(() => {
        throw new Error('no audio device');
      }).play(),
    ).toBe(false);
  });
});

describe('calling a staff member', () => {
  it('chimes and records the call in the audit log, without personal data', async () => {
    const db = freshDb();
    const audio = new FakeAudio();
    await callStaff({ db, chime: createStaffChime(() => audio), now: () => 1_000 });
    expect(audio.notes).toHaveLength(CHIME_NOTES.length);
    expect((await listAudit(db, { limit: 10 })).map(({ action, detail, at }) => ({ action, detail, at }))).toEqual([
      { action: HELP_CALLED_ACTION, detail: 'chime', at: 1_000 },
    ]);
  });

  it('still records the call when the kiosk has no sound, so the office knows it went unheard', async () => {
    const db = freshDb();
    await callStaff({ db, chime: createStaffChime(() => null), now: () => 1_000 });
    expect((await listAudit(db, { limit: 10 })).map(({ detail }) => detail)).toEqual(['noSound']);
  });
});
