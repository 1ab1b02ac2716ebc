import type { Catalogue } from '../../../src/domain/catalogue';
import { officeIdentitySchema, type OfficeIdentity } from '../../../src/domain/officeIdentity';
import { STAFF_ROLES, staffRoleSchema } from '../../../src/domain/console/roles';
import { staffLoginSchema } from '../../../src/domain/console/session';
import type { RefusalReasonCode } from '../../../src/domain/refusalReasons';
import type { RemoteStatus } from '../../../src/domain/status';
import { checkFreeText, type FreeTextErrorCode } from '../../../src/domain/text';
import { firstUncleanText } from '../service/catalogueText';
import { ENROLMENT_CODE_TTL_HOURS, issueEnrolmentCode } from '../service/enrolmentCodes';
import { hashPassword } from '../service/passwords';
import { createStaffAccount, newActivationCode, resetStaffPassword } from '../service/staffAccounts';
import { purgeFinishedRequests } from '../service/retention';
import { changeStatus } from '../service/statusChange';
import type { OfficeIdentityInput } from '../store/officeIdentityTypes';
import { DEMO_OFFICE_NAMES, DEMO_STREETS } from './demoOffice';
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

export const DEMO_OFFICE = { id: 'demo', name: DEMO_OFFICE_NAMES.fr } as const;
export { ENROLMENT_CODE_TTL_HOURS };

/** Office and staff names are shown to staff and printed: one visible name, cleaned by the shared rule. */
const NAME_RULE = { max: 120, letterRequired: true } as const;

function describeRefusal(code: FreeTextErrorCode, max: number): string {
  const why: Record<FreeTextErrorCode, string> = {
    empty: 'it is empty',
    tooLong: `at most ${max} characters`,
    forbiddenCharacter: 'no control or invisible formatting characters',
    noLetter: 'at least one letter',
  };
  return why[code];
}

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
  const name = checkFreeText(office.name, NAME_RULE);
  if (!name.ok) throw new CommandError(`an office needs a name (${describeRefusal(name.code, name.max)})`);
  const outcome = await context.store.createOffice({ id: office.id, name: name.value, createdAt: context.now().toISOString() });
  if ((await context.store.getCatalogue(office.id)) === null) {
    const defaultCatalogue = context.defaultCatalogue();
    requireCleanCatalogue(defaultCatalogue);
    const catalogue = await context.store.importCatalogue(office.id, defaultCatalogue, context.now().toISOString());
    context.print(`Office ${office.id}: default catalogue imported as version ${catalogue.version}`);
  }
  context.print(outcome === 'created' ? `Office ${office.id} created` : `Office ${office.id} already exists`);
}

/** A one-time enrolment code for the office, valid for a day; only its hash is kept. */
export async function enrolCode(context: CommandContext, officeId: string, ttlHours = ENROLMENT_CODE_TTL_HOURS): Promise<string> {
  await requireOffice(context, officeId);
  const { code } = await issueEnrolmentCode(context.store, officeId, context.now(), ttlHours);
  context.print(code);
  return code;
}

/** The clearly labelled demo office with the default catalogue, and a fresh enrolment code as the LAST line printed. */
export async function demoSetup(context: CommandContext): Promise<string> {
  await createOffice(context, DEMO_OFFICE);
  // Its names in each language and a street list, so the demo shows the address picker; an identity set by hand stays.
  if (!(await context.store.getOfficeIdentity(DEMO_OFFICE.id))) {
    await setOfficeIdentity(context, DEMO_OFFICE.id, { names: { ...DEMO_OFFICE_NAMES }, logo: null, streets: DEMO_STREETS });
  }
  context.print(`Enrolment code for ${DEMO_OFFICE.name} (valid ${ENROLMENT_CODE_TTL_HOURS} h):`);
  return enrolCode(context, DEMO_OFFICE.id);
}

/**
 * A staff account with a role in one office, and its one-time activation code as the LAST line
 * printed: the person types it in the console and chooses a password there. Only its hash is kept.
 */
export async function addStaff(
  context: CommandContext,
  input: { officeId: string; role: string; name: string; login?: string | undefined },
): Promise<{ login: string; code: string }> {
  await requireOffice(context, input.officeId);
  const role = staffRoleSchema.safeParse(input.role);
  if (!role.success) throw new CommandError(`--role must be one of ${STAFF_ROLES.join(', ')}`);
  if (input.login !== undefined && !staffLoginSchema.safeParse(input.login).success) {
    throw new CommandError('a login is 2–40 lower-case letters, digits, dots or dashes');
  }
  const name = checkFreeText(input.name, NAME_RULE);
  if (!name.ok) throw new CommandError(`a staff member needs --name (${describeRefusal(name.code, name.max)})`);
  const created = await createStaffAccount(context.store, { officeId: input.officeId, role: role.data, name: name.value, login: input.login }, context.now());
  await audit(context, input.officeId, 'staffCreated', `staff ${created.account.id} as ${role.data}`);
  context.print(`Staff ${created.account.name} (${role.data} at ${input.officeId}), login: ${created.account.login}`);
  context.print(`Activation code, valid until ${created.expiresAt}; the person chooses a password with it in the console (/console/). It is shown only now:`);
  context.print(created.code);
  return { login: created.account.login, code: created.code };
}

export const DEMO_STAFF_ROLES = STAFF_ROLES;

/**
 * One demo account per role on the demo office, each with a printed password (a demo, not an
 * office: a real account chooses its password with an activation code). One line per account,
 * `login role password` (the CLI shows control characters escaped, so no tab), only for accounts made
 * now: a password is never shown twice.
 */
export async function demoStaff(context: CommandContext): Promise<Array<{ login: string; role: string; password: string }>> {
  await requireOffice(context, DEMO_OFFICE.id);
  const made: Array<{ login: string; role: string; password: string }> = [];
  for (const role of DEMO_STAFF_ROLES) {
    const login = `demo.${role}`;
    if (await context.store.findStaffByLogin(login)) continue;
    const created = await createStaffAccount(context.store, { officeId: DEMO_OFFICE.id, role, name: `Demo ${role}`, login }, context.now());
    const password = newActivationCode();
    await context.store.setStaffPassword({ staffId: created.account.id, passwordHash: await hashPassword(password), at: context.now().toISOString() });
    await audit(context, DEMO_OFFICE.id, 'staffCreated', `demo staff ${created.account.id} as ${role}`);
    made.push({ login, role, password });
    context.print(`${login} ${role} ${password}`);
  }
  return made;
}

/** Gives an existing account a role in another office (or a new role in the same one). */
export async function grantRole(context: CommandContext, input: { login: string; officeId: string; role: string }): Promise<void> {
  await requireOffice(context, input.officeId);
  const role = staffRoleSchema.safeParse(input.role);
  if (!role.success) throw new CommandError(`--role must be one of ${STAFF_ROLES.join(', ')}`);
  const account = await requireStaff(context, input.login);
  await context.store.grantRole({ staffId: account.id, officeId: input.officeId, role: role.data, at: context.now().toISOString() });
  await audit(context, input.officeId, 'staffRoleChanged', `staff ${account.id} to ${role.data}`);
  context.print(`${account.login} is now ${role.data} at ${input.officeId}`);
}

/** Ends the password and every session; prints a new activation code as the last line. */
export async function resetPassword(context: CommandContext, login: string): Promise<string> {
  const account = await requireStaff(context, login);
  const issued = await resetStaffPassword(context.store, account.id, context.now());
  await audit(context, null, 'staffPasswordReset', `staff ${account.id}`);
  context.print(`Password of ${account.login} cleared and sessions ended. New activation code, valid until ${issued.expiresAt}:`);
  context.print(issued.code);
  return issued.code;
}

async function requireStaff(context: CommandContext, login: string) {
  const account = await context.store.findStaffByLogin(login.trim().toLowerCase());
  if (!account || account.revokedAt !== null) throw new CommandError(`no active staff account "${login}"`);
  return account;
}

async function audit(context: CommandContext, officeId: string | null, action: string, detail: string): Promise<void> {
  await context.store.appendStaffAudit({ at: context.now().toISOString(), staffId: null, officeId, action, requestId: null, detail: `${detail} (cli)` });
}

export async function setStatus(
  context: CommandContext,
  trackingCode: string,
  status: RemoteStatus,
  reason?: string,
  reasonCode?: RefusalReasonCode,
): Promise<void> {
  const change = await changeStatus(context.store, { trackingCode, status, reason, reasonCode, by: 'cli', now: context.now() });
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

/** Revokes a person everywhere: every role and session ends; the login stays taken. */
export async function revokeStaff(context: CommandContext, login: string): Promise<void> {
  const account = await requireStaff(context, login);
  await context.store.revokeStaffAccount(account.id, context.now().toISOString());
  await audit(context, null, 'staffRevoked', `staff ${account.id}`);
  context.print(`Staff ${account.login} revoked: their sessions have ended`);
}

/** One line per person working at the office. */
export async function listStaff(context: CommandContext, officeId: string): Promise<void> {
  await requireOffice(context, officeId);
  const members = await context.store.listOfficeStaff(officeId);
  if (members.length === 0) context.print(`No staff at ${officeId}`);
  for (const { account, grant } of members) {
    const state = account.revokedAt || grant.revokedAt ? 'revoked' : account.passwordHash === null ? 'awaiting activation' : 'active';
    context.print(`${account.login}  ${grant.role}  "${account.name}"  ${state}`);
  }
}

export async function revokeOffice(context: CommandContext, officeId: string): Promise<void> {
  if (!(await context.store.getOffice(officeId))) throw new CommandError(`no office "${officeId}"`);
  const revoked = await context.store.revokeOffice(officeId, context.now().toISOString());
  context.print(revoked ? `Office ${officeId} revoked: its kiosks are refused (403)` : `Office ${officeId} was already revoked`);
}

function requireCleanCatalogue(catalogue: Catalogue): void {
  const unclean = firstUncleanText(catalogue);
  if (unclean) throw new CommandError(`the catalogue's text at ${unclean.path} is refused (${unclean.code}): no control or invisible formatting characters, NFC, trimmed`);
}

/** Stores the catalogue as the office's next version; kiosks pick it up on their next pull. */
export async function catalogueImport(context: CommandContext, officeId: string, catalogue: Catalogue): Promise<number> {
  await requireOffice(context, officeId);
  requireCleanCatalogue(catalogue);
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
  // The street list is set on its own (set-office-streets): a new name or logo keeps it.
  const previousStreets = identity.streets === undefined ? (await context.store.getOfficeIdentity(officeId))?.streets : undefined;
  const checked = officeIdentitySchema.omit({ version: true }).safeParse(previousStreets ? { ...identity, streets: previousStreets } : identity);
  if (!checked.success) {
    throw new CommandError(`invalid office identity: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const stored = await context.store.setOfficeIdentity(officeId, checked.data, context.now().toISOString());
  context.print(`Office ${officeId}: identity version ${stored.version} (${stored.logo ? `logo ${stored.logo.mediaType}` : 'no logo'})`);
  return stored;
}
