import type { NewBodyInput } from '../../../src/domain/routing';
import { addDirectoryBody, removeDirectoryBody } from '../routing/directory';
import { ApiError } from '../service/apiError';
import { CommandError, type CommandContext } from './commands';

/** The directory of bodies from the command line: the same service (and audit) as the console's page. */

async function asCommand<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError) throw new CommandError(error.message);
    throw error;
  }
}

export async function addBody(context: CommandContext, officeId: string, input: NewBodyInput): Promise<string> {
  const body = await asCommand(() => addDirectoryBody(context.store, officeId, input, 'cli', context.now()));
  context.print(`Added ${body.nameFr} (${body.kind}) to the directory of ${officeId}; its id is on the last line`);
  context.print(body.id);
  return body.id;
}

export async function listBodies(context: CommandContext, officeId: string): Promise<void> {
  const bodies = await context.store.listBodies(officeId);
  if (bodies.length === 0) context.print(`The directory of ${officeId} is empty: requests of every kind are handled at the annex`);
  for (const body of bodies) {
    context.print([body.id, body.kind, body.nameFr, body.nameAr, body.email ?? body.endpoint ?? '', body.communes.join(', ') || '(every commune)'].join('\t'));
  }
}

export async function removeBody(context: CommandContext, officeId: string, bodyId: string): Promise<void> {
  await asCommand(() => removeDirectoryBody(context.store, officeId, bodyId, 'cli', context.now()));
  context.print(`Removed ${bodyId} from the directory of ${officeId} (requests already forwarded keep their answers)`);
}
