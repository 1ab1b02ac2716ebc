import { v7 as uuidv7 } from 'uuid';
import { buildRequest, validateIdentity } from '../domain/request';
import { makeStatusProof } from '../domain/statusProof';
import type { SavedRequest, SaveRequestInput } from '../machines/session/types';
import type { ShubbakDb } from '../storage/db';
import { enqueueRequest } from '../storage/outbox';

export class IncompleteDraftError extends Error {
  constructor(readonly paths: string[]) {
    super(`draft incomplete: ${paths.join(', ')}`);
    this.name = 'IncompleteDraftError';
  }
}

export interface SubmitDeps {
  db: ShubbakDb;
  now?: () => Date;
  newId?: () => string;
  /** Called once the request is committed: the sync service pushes it at once. */
  afterCommit?: () => void;
}

/**
 * The saving actor of the citizen session: one strict-durability transaction that takes the
 * next kiosk sequence and tracking code and stores the request. Resolves only once committed,
 * so the receipt never shows a code that a crash could lose. Rejects with the storage error
 * (OutboxWriteError, reason 'quota' or 'storage') for the machine to explain.
 */
export async function submitRequest(input: SaveRequestInput, deps: SubmitDeps): Promise<SavedRequest> {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? uuidv7;
  const stampedAt = now().toISOString();
  // Derived before the transaction: an IndexedDB transaction does not survive an await on WebCrypto.
  const identity = validateIdentity(input.draft.identity, stampedAt.slice(0, 10));
  const status = identity.ok ? await makeStatusProof(identity.identity) : null;
  const item = await enqueueRequest(deps.db, (stamp) => {
    const built = buildRequest(input.draft, input.service, {
      id: newId(),
      kioskSeq: stamp.kioskSeq,
      trackingCode: stamp.trackingCode,
      catalogueVersion: input.catalogueVersion,
      locale: input.locale,
      now: stampedAt,
      ...(status ? { statusProof: status.proof } : {}),
      ...(input.contact ? { contact: input.contact } : {}),
    });
    // The machine validated every step; this is the same check, run once more on what is stored.
    if (!built.ok) throw new IncompleteDraftError(built.errors.map((error) => error.path));
    return built.request;
  });
  deps.afterCommit?.();
  return { trackingCode: item.trackingCode, statusToken: status?.token ?? null };
}
