import { REFUSAL_REASON_CODES, refusalReasonCodeSchema } from '../../../src/domain/refusalReasons';
import { remoteStatusSchema } from '../../../src/domain/status';
import { required, retentionDays, type StoreCommands } from './arguments';
import * as commands from './commands';

/** Citizens' requests: a status set by hand, and the retention purge run once. */
export const requestCommands: StoreCommands = {
  'set-status': async (context, { values, rest }) => {
    const status = remoteStatusSchema.safeParse(rest[1]);
    if (!status.success) throw new commands.CommandError(`status must be one of ${remoteStatusSchema.options.join(', ')}`);
    const reasonCode = values['reason-code'] === undefined ? undefined : refusalReasonCodeSchema.safeParse(values['reason-code']);
    if (reasonCode && !reasonCode.success) throw new commands.CommandError(`--reason-code must be one of ${REFUSAL_REASON_CODES.join(', ')}`);
    await commands.setStatus(context, required(rest[0], '<tracking code>'), status.data, values.reason, reasonCode?.data);
  },
  purge: (context, { values }) => commands.purge(context, retentionDays(required(values.days, '--days'))),
};
