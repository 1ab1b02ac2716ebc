import type { OfficeIdentity } from '../../../src/domain/officeIdentity';
import { parseStreetList } from '../../../src/domain/officeStreets';
import { CommandError, setOfficeIdentity, type CommandContext } from './commands';

/**
 * The streets of an office's territory, for its kiosks' address picker. They travel with the
 * office's identity (one versioned document per office, pulled by every kiosk of the office and
 * kept in its IndexedDB), so setting them stores the identity's next version with the rest
 * unchanged. An office without an identity cannot have streets: its kiosks show the neutral
 * default, and the name per language comes first.
 */
export async function setOfficeStreets(context: CommandContext, officeId: string, listText: string): Promise<OfficeIdentity> {
  const parsed = parseStreetList(listText);
  if (!parsed.ok) throw new CommandError(`street list, line ${parsed.line}: ${parsed.reason}`);
  const current = await context.store.getOfficeIdentity(officeId);
  if (!current) throw new CommandError(`office ${officeId} has no identity yet: set-office-identity first (its name in each language)`);
  const { version: _version, ...rest } = current;
  const stored = await setOfficeIdentity(context, officeId, { ...rest, streets: parsed.streets });
  // The running back office says the names (audio/streetVoices.ts): this command never waits for espeak-ng.
  context.print(`Office ${officeId}: ${parsed.streets.length} streets (identity version ${stored.version})`);
  return stored;
}
