import { required, type StoreCommands } from './arguments';
import * as commands from './commands';

/** Kiosks: enrolment codes, the enrolled tablets, their revocation. */
export const kioskCommands: StoreCommands = {
  'enrol-code': (context, { values }) => commands.enrolCode(context, required(values.office, '--office')),
  'list-devices': (context, { values }) => commands.listDevices(context, values.office),
  'revoke-device': (context, { rest }) => commands.revokeDevice(context, required(rest[0], '<deviceId>')),
};
