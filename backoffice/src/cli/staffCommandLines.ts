import { required, type StoreCommands } from './arguments';
import * as commands from './commands';

/** Staff accounts: who may sign in to the console, at which office, in which role. */
export const staffCommands: StoreCommands = {
  'demo-staff': (context) => commands.demoStaff(context),
  'add-staff': (context, { values }) =>
    commands.addStaff(context, {
      officeId: required(values.office, '--office'),
      role: required(values.role, '--role'),
      name: required(values.name, '--name'),
      login: values.login,
    }),
  'grant-role': (context, { values, rest }) =>
    commands.grantRole(context, { login: required(rest[0], '<login>'), officeId: required(values.office, '--office'), role: required(values.role, '--role') }),
  'list-staff': (context, { values }) => commands.listStaff(context, required(values.office, '--office')),
  'reset-password': (context, { rest }) => commands.resetPassword(context, required(rest[0], '<login>')),
  'revoke-staff': (context, { rest }) => commands.revokeStaff(context, required(rest[0], '<login>')),
};
