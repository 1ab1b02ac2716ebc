import type { FastifyInstance } from 'fastify';
import {
  PROMPT_RECORDINGS_PATH,
  promptRecordingListQuerySchema,
  promptRecordingParamsSchema,
  promptRecordingUploadSchema,
  type ListedPromptRecording,
  type PromptRecording,
  type PromptRecordingDeletion,
  type PromptRecordingSummary,
} from '../../../src/domain/promptRecordings';
import { isStreetPromptId } from '../../../src/domain/audioPrompts';
import { isPromptOfStreets } from '../../../src/domain/streetPrompts';
import { deviceOf } from '../http/auth';
import { parseOr400 } from '../http/validate';
import { ApiError } from '../service/apiError';
import type { RouteDeps } from './deps';

/** A recording's JSON body: about 4/3 of MAX_RECORDING_BYTES, plus the envelope. */
const UPLOAD_BODY_LIMIT = 600 * 1024;

/**
 * The office's own prompt recordings, for its kiosks: a kiosk in supervisor mode uploads one, every
 * kiosk of the office lists them and fetches those it lacks. Scoped to the device's office.
 */
export function registerPromptRecordingRoutes(app: FastifyInstance, deps: RouteDeps): void {
  // Per prompt and language the take the kiosks play: staff's, else the back office's synthesised
  // one (a street's name). Who made it is said only to a kiosk that asks (`?withOrigin=1`): kiosks
  // of earlier versions parse the list strictly, and would refuse every take for one unknown field.
  app.get(PROMPT_RECORDINGS_PATH, { config: { access: 'device' } }, async (request): Promise<{ recordings: ListedPromptRecording[] }> => {
    const { officeId } = deviceOf(request);
    const { withOrigin } = parseOr400(promptRecordingListQuerySchema, request.query, 'invalid_query');
    const recordings = await deps.store.listPromptRecordings(officeId);
    return { recordings: withOrigin ? recordings : recordings.map(({ origin: _origin, ...summary }) => summary) };
  });

  app.get(`${PROMPT_RECORDINGS_PATH}/:promptId/:language`, { config: { access: 'device' } }, async (request): Promise<PromptRecording> => {
    const { officeId } = deviceOf(request);
    const { promptId, language } = parseOr400(promptRecordingParamsSchema, request.params, 'invalid_params');
    const stored = await deps.store.getPromptRecording(officeId, promptId, language);
    if (!stored) throw new ApiError(404, 'not_found', 'This office has no recording of that prompt in that language.');
    const { audio, origin: _origin, ...summary } = stored;
    return { ...summary, audioBase64: audio.toString('base64') };
  });

  app.post(
    `${PROMPT_RECORDINGS_PATH}/:promptId/:language`,
    { bodyLimit: UPLOAD_BODY_LIMIT, config: { access: 'device' } },
    async (request): Promise<PromptRecordingSummary> => {
      const { deviceId, officeId } = deviceOf(request);
      const { promptId, language } = parseOr400(promptRecordingParamsSchema, request.params, 'invalid_params');
      const { mime, audioBase64 } = parseOr400(promptRecordingUploadSchema, request.body);
      // A street's name is recorded only for a street the office has: the id's pattern alone would
      // let a kiosk store recordings under any number of made-up street ids.
      if (isStreetPromptId(promptId) && !isPromptOfStreets(promptId, (await deps.store.getOfficeIdentity(officeId))?.streets ?? [])) {
        throw new ApiError(404, 'unknown_street', "This office's street list has no street with that prompt id.");
      }
      const { origin: _origin, ...stored } = await deps.store.putPromptRecording({
        officeId,
        promptId,
        language,
        mime,
        audio: Buffer.from(audioBase64, 'base64'),
        recordedAt: deps.now().toISOString(),
        deviceId,
      });
      return stored;
    },
  );

  // Staff deleted the office's recording on a kiosk: every kiosk drops it at its next pull and says
  // the shipped file again. Deleting what is already gone answers false, so a kiosk's retry is harmless.
  app.delete(`${PROMPT_RECORDINGS_PATH}/:promptId/:language`, { config: { access: 'device' } }, async (request): Promise<PromptRecordingDeletion> => {
    const { officeId } = deviceOf(request);
    const { promptId, language } = parseOr400(promptRecordingParamsSchema, request.params, 'invalid_params');
    return { deleted: await deps.store.deletePromptRecording(officeId, promptId, language) };
  });
}
