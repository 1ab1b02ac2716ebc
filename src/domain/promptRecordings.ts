import { z } from 'zod';
import { promptIdSchema } from './audioPrompts';
import { localeSchema } from './locales';
import { API_PREFIX } from './syncProtocol';

/**
 * An office's own recordings of the spoken prompts: made by staff on a kiosk in supervisor mode
 * (MediaRecorder), uploaded to the back office, pulled by every kiosk of the office, and played
 * instead of the synthesised file. This is how an annex gives its kiosks a Tarifit or Darija
 * voice without a new build. A recording is a fixed prompt in a staff member's voice: no citizen
 * data ever goes into one.
 */

/** What MediaRecorder writes in Chromium (WebM/Opus), and Ogg for recordings made elsewhere. */
export const RECORDING_MIME_TYPES = ['audio/webm', 'audio/ogg'] as const;
export const recordingMimeSchema = z.enum(RECORDING_MIME_TYPES);

/** A prompt is a sentence: 30 seconds of Opus is about 120 KB. More is a mistake, not a prompt. */
export const MAX_RECORDING_BYTES = 400 * 1024;

/**
 * The longest take the recording page allows: a prompt is one or two sentences, said slowly.
 * At the 32 kbit/s the page asks MediaRecorder for, 30 s is about 120 KB, well under the cap.
 */
export const MAX_TAKE_MS = 30_000;

/**
 * The page's URL carries this fragment while the voice prompts page holds the microphone: the
 * Electron shell grants the microphone to the app's page only while it is there
 * (electron/permissions.ts), so no other screen can open it, whatever script asks.
 */
export const RECORDING_PAGE_FRAGMENT = 'voice-prompts';

/** Base64 of at most MAX_RECORDING_BYTES bytes. */
const audioBase64Schema = z.base64().max(Math.ceil(MAX_RECORDING_BYTES / 3) * 4);

export const PROMPT_RECORDINGS_PATH = `${API_PREFIX}/prompt-recordings`;

export const promptRecordingUploadSchema = z.strictObject({
  mime: recordingMimeSchema,
  audioBase64: audioBase64Schema.min(1),
});
export type PromptRecordingUpload = z.infer<typeof promptRecordingUploadSchema>;

export const promptRecordingSummarySchema = z.strictObject({
  promptId: promptIdSchema,
  language: localeSchema,
  mime: recordingMimeSchema,
  /** SHA-256 of the audio: a kiosk fetches a recording again only when it changed. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  recordedAt: z.iso.datetime(),
});
export type PromptRecordingSummary = z.infer<typeof promptRecordingSummarySchema>;

/**
 * Who made the take a kiosk plays: staff (recorded on a kiosk) or the back office (a street's
 * name said by espeak-ng while no staff take exists). A staff take always wins.
 */
export const PROMPT_RECORDING_ORIGINS = ['staff', 'synthesised'] as const;
export const promptRecordingOriginSchema = z.enum(PROMPT_RECORDING_ORIGINS);
export type PromptRecordingOrigin = z.infer<typeof promptRecordingOriginSchema>;

/**
 * The list says each take's origin only to a kiosk that asks for it with this query (kiosks of
 * earlier versions parse the list strictly and would refuse the field).
 */
export const WITH_ORIGIN_QUERY = 'withOrigin=1';
export const promptRecordingListQuerySchema = z.object({ withOrigin: z.literal('1').optional() });

export const listedPromptRecordingSchema = z.strictObject({ ...promptRecordingSummarySchema.shape, origin: promptRecordingOriginSchema.optional() });
export type ListedPromptRecording = z.infer<typeof listedPromptRecordingSchema>;

/** The office's takes; `origin` present when asked for (absent: staff, from a back office of an earlier version). */
export const promptRecordingListSchema = z.strictObject({ recordings: z.array(listedPromptRecordingSchema) });

export const promptRecordingSchema = z.strictObject({ ...promptRecordingSummarySchema.shape, audioBase64: audioBase64Schema });
export type PromptRecording = z.infer<typeof promptRecordingSchema>;

export const promptRecordingParamsSchema = z.strictObject({ promptId: promptIdSchema, language: localeSchema });

/** The answer to deleting a recording: false when the office had none (a retried delete is not an error). */
export const promptRecordingDeletionSchema = z.strictObject({ deleted: z.boolean() });
export type PromptRecordingDeletion = z.infer<typeof promptRecordingDeletionSchema>;
