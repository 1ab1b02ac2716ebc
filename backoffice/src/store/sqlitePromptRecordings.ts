import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Locale } from '../../../src/domain/locales';
import type { PromptRecordingSummary } from '../../../src/domain/promptRecordings';
import type { PromptRecordingPut, PromptRecordingStore, StoredPromptRecording } from './promptRecordingTypes';

const SUMMARY_COLUMNS = 'prompt_id AS promptId, language, mime, sha256, recorded_at AS recordedAt';

export function sqlitePromptRecordings(db: Database.Database): PromptRecordingStore {
  return {
    async putPromptRecording(recording: PromptRecordingPut): Promise<PromptRecordingSummary> {
      const sha256 = createHash('sha256').update(recording.audio).digest('hex');
      db.prepare(
        `INSERT INTO office_prompt_recordings (office_id, prompt_id, language, mime, audio, sha256, recorded_at, recorded_by_device)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (office_id, prompt_id, language) DO UPDATE SET
           mime = excluded.mime, audio = excluded.audio, sha256 = excluded.sha256,
           recorded_at = excluded.recorded_at, recorded_by_device = excluded.recorded_by_device`,
      ).run(recording.officeId, recording.promptId, recording.language, recording.mime, recording.audio, sha256, recording.recordedAt, recording.deviceId);
      return { promptId: recording.promptId, language: recording.language, mime: recording.mime, sha256, recordedAt: recording.recordedAt };
    },

    async listPromptRecordings(officeId: string): Promise<PromptRecordingSummary[]> {
      return db
        .prepare<[string], PromptRecordingSummary>(`SELECT ${SUMMARY_COLUMNS} FROM office_prompt_recordings WHERE office_id = ? ORDER BY prompt_id, language`)
        .all(officeId);
    },

    async getPromptRecording(officeId: string, promptId: string, language: Locale): Promise<StoredPromptRecording | null> {
      const row = db
        .prepare<[string, string, string], StoredPromptRecording>(
          `SELECT ${SUMMARY_COLUMNS}, audio FROM office_prompt_recordings WHERE office_id = ? AND prompt_id = ? AND language = ?`,
        )
        .get(officeId, promptId, language);
      return row ?? null;
    },

    async deletePromptRecording(officeId: string, promptId: string, language: Locale): Promise<boolean> {
      const { changes } = db.prepare('DELETE FROM office_prompt_recordings WHERE office_id = ? AND prompt_id = ? AND language = ?').run(officeId, promptId, language);
      return changes > 0;
    },
  };
}
