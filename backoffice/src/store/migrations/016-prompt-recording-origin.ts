import type { Migration } from './index';

/**
 * Who made a prompt recording (issue 13, h13-streetvoice): `staff` (a kiosk's upload, every row
 * before this migration) or `synthesised` (the back office said a street's name with espeak-ng,
 * `backoffice/src/audio/streetVoices.ts`). Both may exist for one prompt and language: the
 * kiosks get the staff take while there is one, and the synthesised one again when staff delete
 * theirs, so the origin joins the primary key. A synthesised take has no device
 * (`recorded_by_device` NULL) and keeps what it was made from (`synthesis_source`: a hash of
 * voice and text), so a renamed street is said again. 015 is another change's.
 *
 * SQLite cannot change a primary key in place: the table is rebuilt (its procedure, foreign keys
 * checked before the migration commits). PostgreSQL alters it.
 */
export const promptRecordingOrigin: Migration = {
  version: 16,
  name: 'prompt-recording-origin',
  sql: `
    CREATE TABLE office_prompt_recordings_016 (
      office_id TEXT NOT NULL REFERENCES offices (id),
      prompt_id TEXT NOT NULL,
      language TEXT NOT NULL,
      origin TEXT NOT NULL DEFAULT 'staff' CHECK (origin IN ('staff', 'synthesised')),
      mime TEXT NOT NULL,
      audio BLOB NOT NULL,
      sha256 TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by_device TEXT,
      synthesis_source TEXT,
      PRIMARY KEY (office_id, prompt_id, language, origin),
      CHECK ((origin = 'staff') = (recorded_by_device IS NOT NULL)),
      CHECK ((origin = 'synthesised') = (synthesis_source IS NOT NULL))
    );
    INSERT INTO office_prompt_recordings_016 (office_id, prompt_id, language, origin, mime, audio, sha256, recorded_at, recorded_by_device)
      SELECT office_id, prompt_id, language, 'staff', mime, audio, sha256, recorded_at, recorded_by_device FROM office_prompt_recordings;
    DROP TABLE office_prompt_recordings;
    ALTER TABLE office_prompt_recordings_016 RENAME TO office_prompt_recordings;
  `,
  postgres: `
    ALTER TABLE office_prompt_recordings ADD COLUMN origin TEXT NOT NULL DEFAULT 'staff' CHECK (origin IN ('staff', 'synthesised'));
    ALTER TABLE office_prompt_recordings ADD COLUMN synthesis_source TEXT;
    ALTER TABLE office_prompt_recordings ALTER COLUMN recorded_by_device DROP NOT NULL;
    ALTER TABLE office_prompt_recordings ADD CHECK ((origin = 'staff') = (recorded_by_device IS NOT NULL));
    ALTER TABLE office_prompt_recordings ADD CHECK ((origin = 'synthesised') = (synthesis_source IS NOT NULL));
    ALTER TABLE office_prompt_recordings DROP CONSTRAINT office_prompt_recordings_pkey;
    ALTER TABLE office_prompt_recordings ADD PRIMARY KEY (office_id, prompt_id, language, origin);
  `,
};
