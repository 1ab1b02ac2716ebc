import type { Migration } from './index';

/**
 * The office's own recordings of the kiosk's spoken prompts (one per prompt and language,
 * replaced when re-recorded). Plain SQL types; the audio is a BLOB here, BYTEA in PostgreSQL.
 */
export const promptRecordings: Migration = {
  version: 8,
  name: 'prompt-recordings',
  sql: `
    CREATE TABLE office_prompt_recordings (
      office_id TEXT NOT NULL REFERENCES offices (id),
      prompt_id TEXT NOT NULL,
      language TEXT NOT NULL,
      mime TEXT NOT NULL,
      audio BLOB NOT NULL,
      sha256 TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by_device TEXT NOT NULL,
      PRIMARY KEY (office_id, prompt_id, language)
    );
  `,
};
