import { v7 as uuidv7 } from 'uuid';
import type { Catalogue } from '../../../src/domain/catalogue';
import { officeIdentitySchema, type OfficeIdentity } from '../../../src/domain/officeIdentity';
import type { RemoteStatus } from '../../../src/domain/status';
import { hashSecret, newEnrolmentCode, newToken } from '../service/secrets';
import { purgeFinishedRequests } from '../service/retention';
import { changeStatus } from '../service/statusChange';
import type { OfficeIdentityInput } from '../store/officeIdentityTypes';
import type { Store } from '../store/types';

/** What a command needs: the store, the clock, somewhere to print, and the default catalogue (a fixture in tests). */
export interface CommandContext {
  store: Store;
  now: () => Date;
  print: (line: string) => void;
  defaultCatalogue: () => Catalogue;
}

/** A refusal the operator can act on; the CLI prints its message without a stack trace. */
export class CommandError extends Error {
  override name = 'CommandError';
}

export const DEMO_OFFICE = { id: 'demo', name: 'DEMO — Annexe de démonstration' } as const;
export const ENROLMENT_CODE_TTL_HOURS = 24;

const OFFICE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

async function requireOffice(context: CommandContext, officeId: string) {
  const office = await context.store.getOffice(officeId);
  if (!office) throw new CommandError(`no office "${officeId}" (create it with create-office)`);
  if (office.revokedAt) throw new CommandError(`the office "${officeId}" has been revoked`);
  return office;
}

/** Creates an office and gives it the default catalogue as version 1. Running it again changes nothing. */
export async function createOffice(context: CommandContext, office: { id: string; name: string }): Promise<void> {
  if (!OFFICE_ID.test(office.id)) throw new CommandError('an office id is 1–40 lower-case letters, digits or dashes');
  if (office.name.trim() === '') throw new CommandError('an office needs a name');
  const outcome = await context.store.createOffice({ id: office.id, name: office.name.trim(), createdAt: context.now().toISOString() });
  if ((await context.store.getCatalogue(office.id)) === null) {
    const catalogue = await context.store.importCatalogue(office.id, context.defaultCatalogue(), context.now().toISOString());
    context.print(`Office ${office.id}: default catalogue imported as version ${catalogue.version}`);
  }
  context.print(outcome === 'created' ? `Office ${office.id} created` : `Office ${office.id} already exists`);
}

/** A one-time enrolment code for the office, valid for a day; only its hash is kept. */
export async function enrolCode(context: CommandContext, officeId: string, ttlHours = ENROLMENT_CODE_TTL_HOURS): Promise<string> {
  await requireOffice(context, officeId);
  const code = newEnrolmentCode();
  const now = context.now();
  await context.store.createEnrolmentCode({
    codeHash: hashSecret(code),
    officeId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlHours * 3_600_000).toISOString(),
  });
  context.print(code);
  return code;
}

/** The clearly labelled demo office with the default catalogue, and a fresh enrolment code as the LAST line printed. */
export async function demoSetup(context: CommandContext): Promise<string> {
  await createOffice(context, DEMO_OFFICE);
  context.print(`Enrolment code for ${DEMO_OFFICE.name} (valid ${ENROLMENT_CODE_TTL_HOURS} h):`);
  return enrolCode(context, DEMO_OFFICE.id);
}

/** Makes a staff token and prints it once: only its hash is kept, so a lost token is replaced, not recovered. */
export async function staffToken(context: CommandContext, name: string): Promise<string> {
  if (name.trim() === '') throw new CommandError('a staff token needs --name');
  const token = newToken();
  const id = uuidv7();
  await context.store.createStaff({ id, name: name.trim(), tokenHash: hashSecret(token), createdAt: context.now().toISOString() });
  context.print(`Staff token for ${name.trim()} (id ${id}; revoke with revoke-staff ${id}). It is shown only now:`);
  context.print(token);
  return token;
}

export async function setStatus(context: CommandContext, trackingCode: string, status: RemoteStatus, reason?: string): Promise<void> {
  const change = await changeStatus(context.store, { trackingCode, status, reason, by: 'cli', now: context.now() });
  context.print(`${change.trackingCode} is now ${change.status} (change ${change.seq})`);
}

/** Empties the personal data of requests finished more than `retentionDays` ago (see service/retention.ts). */
export async function purge(context: CommandContext, retentionDays: number): Promise<number> {
  const purged = await purgeFinishedRequests(context.store, { retentionDays, now: context.now() });
  context.print(`Purged the personal data of ${purged} request(s) finished more than ${retentionDays} day(s) ago`);
  return purged;
}

/** One line per kiosk: what an operator needs to revoke one, and its sequence gaps and replays. */
export async function listDevices(context: CommandContext, officeId?: string): Promise<void> {
  const devices = await context.store.listDevices(officeId);
  if (devices.length === 0) context.print('No kiosk enrolled');
  for (const d of devices) {
    const state = d.revokedAt ? `revoked ${d.revokedAt}` : 'active';
    context.print(
      `${d.id}  ${d.officeId}  ${d.trackingPrefix}  "${d.label}"  ${state}  kioskSeq ${d.lastKioskSeq} (gaps ${d.kioskSeqGaps}, replays ${d.kioskSeqReplays})`,
    );
  }
}

export async function revokeDevice(context: CommandContext, deviceId: string): Promise<void> {
  const device = await context.store.getDevice(deviceId);
  if (!device) throw new CommandError(`no device "${deviceId}"`);
  const revoked = await context.store.revokeDevice(deviceId, context.now().toISOString());
  context.print(revoked ? `Device ${deviceId} revoked: its token no longer works` : `Device ${deviceId} was already revoked`);
}

export async function revokeStaff(context: CommandContext, staffId: string): Promise<void> {
  const revoked = await context.store.revokeStaff(staffId, context.now().toISOString());
  if (!revoked) throw new CommandError(`no active staff token "${staffId}"`);
  context.print(`Staff token ${staffId} revoked`);
}

export async function revokeOffice(context: CommandContext, officeId: string): Promise<void> {
  if (!(await context.store.getOffice(officeId))) throw new CommandError(`no office "${officeId}"`);
  const revoked = await context.store.revokeOffice(officeId, context.now().toISOString());
  context.print(revoked ? `Office ${officeId} revoked: its kiosks are refused (403)` : `Office ${officeId} was already revoked`);
}

/** Stores the catalogue as the office's next version; kiosks pick it up on their next pull. */
export async function catalogueImport(context: CommandContext, officeId: string, catalogue: Catalogue): Promise<number> {
  await requireOffice(context, officeId);
  const stored = await context.store.importCatalogue(officeId, catalogue, context.now().toISOString());
  context.print(`Office ${officeId}: catalogue version ${stored.version} (${stored.services.length} services)`);
  return stored.version;
}

/**
 * Sets how the office presents itself on its kiosks: its name in the four kiosk languages (so no
 * screen shows another language's name) and optionally its logo. Stored as the next version;
 * kiosks pick it up on their next pull, like the catalogue.
 */
export async function setOfficeIdentity(context: CommandContext, officeId: string, identity: OfficeIdentityInput): Promise<OfficeIdentity> {
  await requireOffice(context, officeId);
  const checked = officeIdentitySchema.omit({ version: true }).safeParse(identity);
  if (!checked.success) {
    throw new CommandError(`invalid office identity: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const stored = await context.store.setOfficeIdentity(officeId, checked.data, context.now().toISOString());
  context.print(`Office ${officeId}: identity version ${stored.version} (${stored.logo ? `logo ${stored.logo.mediaType}` : 'no logo'})`);
  return stored;
}
