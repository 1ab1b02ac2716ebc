import { required, type StoreCommands } from './arguments';
import * as routingCommands from './routingCommands';

/** The routing directory: the bodies requests are forwarded to. */
export const directoryCommands: StoreCommands = {
  'add-body': (context, { values }) =>
    routingCommands.addBody(context, required(values.office, '--office'), {
      kind: required(values.kind, '--kind'),
      nameAr: required(values['name-ar'], '--name-ar'),
      nameFr: required(values['name-fr'], '--name-fr'),
      communes: values.commune ?? [],
      ...(values.email === undefined ? {} : { email: values.email }),
      ...(values.endpoint === undefined ? {} : { endpoint: values.endpoint }),
    }),
  'list-bodies': (context, { values }) => routingCommands.listBodies(context, required(values.office, '--office')),
  'remove-body': (context, { values, rest }) => routingCommands.removeBody(context, required(values.office, '--office'), required(rest[0], '<bodyId>')),
};
