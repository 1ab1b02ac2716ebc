import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Locale } from '../../../src/domain/locales';
import type {
  OfficePromptRecording,
  PromptRecordingPut,
  PromptRecordingStore,
  StoredPromptRecording,
  SynthesisedPromptRecordingPut,
  SynthesisedPromptSource,
} from './promptRecordingTypes';
import { PLAYED_TAKE } from './promptRecordingRows';

const SUMMARY_COLUMNS = 'prompt_id AS promptId, language, mime, sha256, recorded_at AS recordedAt, origin';


export function sqlitePromptRecordings(db: Database.Database): PromptRecordingStore {
  return {
    async putPromptRecording(recording: PromptRecordingPut): Promise<OfficePromptRecording> {
      const sha256 = createHash('sha256').update(recording.audio).digest('hex');
      db.prepare(
        `INSERT INTO office_prompt_recordings (office_id, prompt_id, language, origin, mime, audio, sha256, recorded_at, recorded_by_device)
         VALUES (?, ?, ?, 'staff', ?, ?, ?, ?, ?)
         ON CONFLICT (office_id, prompt_id, language, origin) DO UPDATE SET
           mime = excluded.mime, audio = excluded.audio, sha256 = excluded.sha256,
           recorded_at = excluded.recorded_at, recorded_by_device = excluded.recorded_by_device`,
      ).run(recording.officeId, recording.promptId, recording.language, recording.mime, recording.audio, sha256, recording.recordedAt, recording.deviceId);
      return { promptId: recording.promptId, language: recording.language, mime: recording.mime, sha256, recordedAt: recording.recordedAt, origin: 'staff' };
    },

    async putSynthesisedPromptRecording(recording: SynthesisedPromptRecordingPut): Promise<void> {
      const sha256 = createHash('sha256').update(recording.audio).digest('hex');
      db.prepare(
        `INSERT INTO office_prompt_recordings (office_id, prompt_id, language, origin, mime, audio, sha256, recorded_at, synthesis_source)
         VALUES (?, ?, ?, 'synthesised', ?, ?, ?, ?, ?)
         ON CONFLICT (office_id, prompt_id, language, origin) DO UPDATE SET
           mime = excluded.mime, audio = excluded.audio, sha256 = excluded.sha256,
           recorded_at = excluded.recorded_at, synthesis_source = excluded.synthesis_source`,
      ).run(recording.officeId, recording.promptId, recording.language, recording.mime, recording.audio, sha256, recording.recordedAt, recording.source);
    },

    async listPromptRecordings(officeId: string): Promise<OfficePromptRecording[]> {
      return db
        .prepare<[string], OfficePromptRecording>(
          `SELECT ${SUMMARY_COLUMNS} FROM office_prompt_recordings r WHERE office_id = ? AND ${PLAYED_TAKE} ORDER BY prompt_id, language`,
        )
        .all(officeId);
    },

    async getPromptRecording(officeId: string, promptId: string, language: Locale): Promise<StoredPromptRecording | null> {
      const row = db
        .prepare<[string, string, string], StoredPromptRecording>(
          `SELECT ${SUMMARY_COLUMNS}, audio FROM office_prompt_recordings WHERE office_id = ? AND prompt_id = ? AND language = ? ORDER BY origin LIMIT 1`,
        )
        .get(officeId, promptId, language);
      return row ?? null;
    },

    async deletePromptRecording(officeId: string, promptId: string, language: Locale): Promise<boolean> {
      const { changes } = db
        .prepare("DELETE FROM office_prompt_recordings WHERE office_id = ? AND prompt_id = ? AND language = ? AND origin = 'staff'")
        .run(officeId, promptId, language);
      return changes > 0;
    },

    async listSynthesisedPromptSources(officeId: string): Promise<SynthesisedPromptSource[]> {
      return db
        .prepare<[string], SynthesisedPromptSource>(
          "SELECT prompt_id AS promptId, language, synthesis_source AS source FROM office_prompt_recordings WHERE office_id = ? AND origin = 'synthesised' ORDER BY prompt_id, language",
        )
        .all(officeId);
    },

    async deleteSynthesisedPromptRecording(officeId: string, promptId: string, language: Locale): Promise<boolean> {
      const { changes } = db
        .prepare("DELETE FROM office_prompt_recordings WHERE office_id = ? AND prompt_id = ? AND language = ? AND origin = 'synthesised'")
        .run(officeId, promptId, language);
      return changes > 0;
    },
  };
}
