import { randomUUID } from 'node:crypto';
import { isAcceptableEndpoint, newBodyInputSchema, type DirectoryBody, type NewBodyInput } from '../../../src/domain/routing';
import { checkFreeText } from '../../../src/domain/text';
import { ApiError } from '../service/apiError';
import { describeIssues } from '../service/fieldErrors';
import type { Store } from '../store/types';

const NAME_RULE = { max: 120, letterRequired: true } as const;
const COMMUNE_RULE = { max: 80, letterRequired: true } as const;

function clean(label: string, raw: string, rule: { max: number; letterRequired: boolean }): string {
  const checked = checkFreeText(raw, rule);
  if (!checked.ok) throw new ApiError(400, 'invalid_body', `${label} is refused (${checked.code}; at most ${checked.max} characters).`);
  return checked.value;
}

/** Who changed the directory, for the staff audit log: a staff member, or the CLI. */
export type DirectoryActor = { staffId: string } | 'cli';

async function audit(store: Store, actor: DirectoryActor, officeId: string, action: string, detail: string, now: Date) {
  const staffId = actor === 'cli' ? null : actor.staffId;
  await store.appendStaffAudit({ at: now.toISOString(), staffId, officeId, action, requestId: null, detail: actor === 'cli' ? `${detail} (cli)` : detail });
}

/** Adds a body to the office's directory (the console's and the CLI's one path), audited. */
export async function addDirectoryBody(store: Store, officeId: string, raw: NewBodyInput | unknown, actor: DirectoryActor, now: Date): Promise<DirectoryBody> {
  const parsed = newBodyInputSchema.safeParse(raw);
  if (!parsed.success) throw new ApiError(400, 'invalid_body', describeIssues(parsed.error));
  const input = parsed.data;
  if (input.endpoint !== undefined && !isAcceptableEndpoint(input.endpoint)) {
    throw new ApiError(400, 'invalid_endpoint', 'The endpoint must be an https:// address (plain http:// only on this machine), without credentials in it.');
  }
  if (!(await store.getOffice(officeId))) throw new ApiError(404, 'not_found', `No office ${officeId}.`);
  const body = await store.addBody({
    id: randomUUID(),
    officeId,
    kind: input.kind,
    nameAr: clean('The Arabic name', input.nameAr, NAME_RULE),
    nameFr: clean('The French name', input.nameFr, NAME_RULE),
    communes: [...new Set(input.communes.map((commune) => clean('A commune name', commune, COMMUNE_RULE)))],
    email: input.email ?? null,
    endpoint: input.endpoint ?? null,
    createdAt: now.toISOString(),
  });
  await audit(store, actor, officeId, 'directoryBodyAdded', `body ${body.id} (${body.kind}) ${body.email ? 'by e-mail' : 'by endpoint'}`, now);
  return body;
}

export async function removeDirectoryBody(store: Store, officeId: string, bodyId: string, actor: DirectoryActor, now: Date): Promise<void> {
  if (!(await store.removeBody(officeId, bodyId, now.toISOString()))) throw new ApiError(404, 'not_found', 'No such body in this office’s directory.');
  await audit(store, actor, officeId, 'directoryBodyRemoved', `body ${bodyId}`, now);
}
