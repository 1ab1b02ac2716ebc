import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Locale } from '../../../../src/domain/locales';
import type {
  OfficePromptRecording,
  PromptRecordingPut,
  PromptRecordingStore,
  StoredPromptRecording,
  SynthesisedPromptRecordingPut,
  SynthesisedPromptSource,
} from '../promptRecordingTypes';
import { PLAYED_TAKE } from '../promptRecordingRows';

const SUMMARY_COLUMNS = 'prompt_id AS "promptId", language, mime, sha256, recorded_at AS "recordedAt", origin';


/** The office's prompt recordings on PostgreSQL; the audio is bytea. */
export function pgPromptRecordings(pool: pg.Pool): PromptRecordingStore {
  return {
    async putPromptRecording(recording: PromptRecordingPut): Promise<OfficePromptRecording> {
      const sha256 = createHash('sha256').update(recording.audio).digest('hex');
      await pool.query(
        `INSERT INTO office_prompt_recordings (office_id, prompt_id, language, origin, mime, audio, sha256, recorded_at, recorded_by_device)
         VALUES ($1, $2, $3, 'staff', $4, $5, $6, $7, $8)
         ON CONFLICT (office_id, prompt_id, language, origin) DO UPDATE SET
           mime = excluded.mime, audio = excluded.audio, sha256 = excluded.sha256,
           recorded_at = excluded.recorded_at, recorded_by_device = excluded.recorded_by_device`,
        [recording.officeId, recording.promptId, recording.language, recording.mime, Buffer.from(recording.audio), sha256, recording.recordedAt, recording.deviceId],
      );
      return { promptId: recording.promptId, language: recording.language, mime: recording.mime, sha256, recordedAt: recording.recordedAt, origin: 'staff' };
    },

    async putSynthesisedPromptRecording(recording: SynthesisedPromptRecordingPut): Promise<void> {
      const sha256 = createHash('sha256').update(recording.audio).digest('hex');
      await pool.query(
        `INSERT INTO office_prompt_recordings (office_id, prompt_id, language, origin, mime, audio, sha256, recorded_at, synthesis_source)
         VALUES ($1, $2, $3, 'synthesised', $4, $5, $6, $7, $8)
         ON CONFLICT (office_id, prompt_id, language, origin) DO UPDATE SET
           mime = excluded.mime, audio = excluded.audio, sha256 = excluded.sha256,
           recorded_at = excluded.recorded_at, synthesis_source = excluded.synthesis_source`,
        [recording.officeId, recording.promptId, recording.language, recording.mime, Buffer.from(recording.audio), sha256, recording.recordedAt, recording.source],
      );
    },

    async listPromptRecordings(officeId: string): Promise<OfficePromptRecording[]> {
      const { rows } = await pool.query<OfficePromptRecording>(
        `SELECT ${SUMMARY_COLUMNS} FROM office_prompt_recordings r WHERE office_id = $1 AND ${PLAYED_TAKE} ORDER BY prompt_id COLLATE "C", language COLLATE "C"`,
        [officeId],
      );
      return rows;
    },

    async getPromptRecording(officeId: string, promptId: string, language: Locale): Promise<StoredPromptRecording | null> {
      const { rows } = await pool.query<StoredPromptRecording>(
        `SELECT ${SUMMARY_COLUMNS}, audio FROM office_prompt_recordings WHERE office_id = $1 AND prompt_id = $2 AND language = $3 ORDER BY origin COLLATE "C" LIMIT 1`,
        [officeId, promptId, language],
      );
      return rows[0] ?? null;
    },

    async deletePromptRecording(officeId: string, promptId: string, language: Locale): Promise<boolean> {
      const { rowCount } = await pool.query(
        "DELETE FROM office_prompt_recordings WHERE office_id = $1 AND prompt_id = $2 AND language = $3 AND origin = 'staff'",
        [officeId, promptId, language],
      );
      return (rowCount ?? 0) > 0;
    },

    async listSynthesisedPromptSources(officeId: string): Promise<SynthesisedPromptSource[]> {
      const { rows } = await pool.query<SynthesisedPromptSource>(
        `SELECT prompt_id AS "promptId", language, synthesis_source AS source FROM office_prompt_recordings
         WHERE office_id = $1 AND origin = 'synthesised' ORDER BY prompt_id COLLATE "C", language COLLATE "C"`,
        [officeId],
      );
      return rows;
    },

    async deleteSynthesisedPromptRecording(officeId: string, promptId: string, language: Locale): Promise<boolean> {
      const { rowCount } = await pool.query(
        "DELETE FROM office_prompt_recordings WHERE office_id = $1 AND prompt_id = $2 AND language = $3 AND origin = 'synthesised'",
        [officeId, promptId, language],
      );
      return (rowCount ?? 0) > 0;
    },
  };
}
