import { join } from 'node:path';
import { escapeInvisible } from '../../../src/domain/text';
import { DEFAULT_CATALOGUE_PATH, readCatalogueFile } from '../catalogueFile';
import { buildOpenApiDocument } from '../openapi/document';
import { ApiError } from '../service/apiError';
import type { RunningBackoffice } from '../server';
import { prepareDataDir } from '../store/dataFiles';
import { openStore, storeConfig } from '../store/openStore';
import { SigningKeyring } from '../certificates/signingKeyring';
import { isUsageError, parseCommandLine, positiveCount, required, type StoreCommands } from './arguments';
import * as certificateCommands from './certificateCommands';
import * as commands from './commands';
import { directoryCommands } from './directoryCommandLines';
import { kioskCommands } from './kioskCommandLines';
import { officeCommands } from './officeCommandLines';
import { requestCommands } from './requestCommandLines';
import { serve, serveOptions } from './serveCommand';
import { staffCommands } from './staffCommandLines';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
  /** `serve` hands over its running server and waits until this resolves (a signal, in the real CLI). */
  untilStopped?: (server: RunningBackoffice) => Promise<void>;
}

export const USAGE = `Usage: npm run backoffice -- <command> [options]
  serve [--port 8787] [--host 127.0.0.1] [--data .data/backoffice] [--rate-limit <per minute>|off]
        [--retention-days <n>] [--trust-proxy <addresses>|off] [--allow-plain-http]
                                           (the default command; env SHUBBAK_PORT, SHUBBAK_RATE_LIMIT, SHUBBAK_LOG,
                                           SHUBBAK_RETENTION_DAYS: purge finished requests hourly, off by default;
                                           SHUBBAK_TRUST_PROXY: the reverse proxy's address(es), e.g. loopback;
                                           SHUBBAK_ALLOW_PLAIN_HTTP=1: listen on a non-loopback host without TLS;
                                           SHUBBAK_STREET_VOICES=off: do not say street names with espeak-ng)
        [--workers <n>]                    n instances on one port (PostgreSQL only; env SHUBBAK_WORKERS)
        [--messages-config <file.json>]    SMS and e-mail to citizens (docs/messages.md; env SHUBBAK_SMTP_URL, SHUBBAK_SMS_URL, …)
        [--public-url <https://…>]         the address citizens reach, for the portal's e-mail sign-in link (env SHUBBAK_PUBLIC_URL)
  create-office --id <id> --name <name>
  enrol-code --office <id>                 prints a one-time enrolment code (valid 24 h)
  demo-setup                               the demo office; the code is the last line
  demo-staff                               one demo account per role on the demo office: login, role, password
  add-staff --office <id> --role <agent|chief|admin> --name <name> [--login <login>]
                                           prints the login and a one-time activation code (last line)
  grant-role --office <id> --role <role> <login>
                                           the same person works at another office (or changes role)
  list-staff --office <id>
  reset-password <login>                   ends the password and sessions; a new activation code (last line)
  revoke-staff <login>                     the person loses every office; their sessions end
  set-status <tracking code> <status> [--reason <text>] [--reason-code <code>]
  list-devices [--office <id>]             kiosks with their sequence gaps and replays
  revoke-device <deviceId>
  revoke-office <officeId>
  catalogue-import --office <id> <file>
  set-office-identity --office <id> --name-ar <name> --name-zgh <name> --name-fr <name> --name-en <name> [--logo <file>]
      [--address-ar <text> --address-zgh <text> --address-fr <text> --address-en <text>] [--hours "1-5 08:30-16:30; 6 09:00-12:00"]
                                           the office's name in each kiosk language and its logo (.png .jpg .webp .svg)
  set-office-streets --office <id> <file>  the streets of the office's territory for the kiosk's address picker:
                                           one a line, "Latin name;Arabic name" (UTF-8; # starts a comment);
                                           the running back office says each name with espeak-ng for the kiosks
  add-body --office <id> --kind <handledBy> --name-ar <name> --name-fr <name> [--commune <name>]…
           [--email <address>] [--endpoint <https://…>]
                                           a body of the routing directory (e.g. --kind commune-of-birth);
                                           no --commune: it takes every request of its kind
  list-bodies --office <id>
  remove-body --office <id> <bodyId>       no more forwards to it (its past ones stay); serve's reply links
                                           use --public-url / SHUBBAK_PUBLIC_URL (the address bodies reach), else the listening one
  purge --days <n>                         empties the personal data of requests finished > n days ago
  openapi                                  prints the OpenAPI 3.1 document (as served at /api/v1/openapi.json)
  rotate-signing-key                       certificates are signed with a new key from now on; old ones still verify
  export-keys                              prints the public keys (as served at /api/v1/keys)
  trust-keys <file>                        another back office's keys (from its /api/v1/keys): its certificates verify here
  verify-certificate --keys <file> <token> checks a certificate token offline with only a key set (no database)
Every command takes --data <dir> (env SHUBBAK_DATA_DIR), and --database <postgres://… URL or
SQLite file> (env DATABASE_URL; default <data>/backoffice.sqlite) with --pool-size <n> (env
SHUBBAK_PG_POOL, connections per instance, 10 by default). The default catalogue file may be
replaced with env SHUBBAK_DEFAULT_CATALOGUE.`;

/** The commands that work on the store, by area; each area's file reads its own flags. */
const STORE_COMMANDS: ReadonlyMap<string, StoreCommands[string]> = new Map(
  Object.entries({ ...officeCommands, ...staffCommands, ...kioskCommands, ...requestCommands, ...directoryCommands }),
);

/** Runs one command; returns the exit code. Errors meant for the operator are printed without a stack. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const [command = 'serve', ...rest] = positionals;
    const dataDir = values.data ?? io.env.SHUBBAK_DATA_DIR ?? join('.data', 'backoffice');
    const database = storeConfig({
      dataDir,
      database: values.database ?? io.env.DATABASE_URL,
      poolSize: positiveCount(values['pool-size'] ?? io.env.SHUBBAK_PG_POOL, '--pool-size'),
    });
    if (command === 'openapi') {
      io.stdout(JSON.stringify(buildOpenApiDocument(), null, 2));
      return 0;
    }
    if (command === 'verify-certificate') {
      const result = certificateCommands.verifyOffline(required(values.keys, '--keys'), required(rest[0], '<token>'), io.stdout);
      return result.outcome === 'valid' ? 0 : 3;
    }
    if (command === 'rotate-signing-key' || command === 'export-keys' || command === 'trust-keys') {
      const keyring = SigningKeyring.open(dataDir);
      if (command === 'rotate-signing-key') certificateCommands.rotateSigningKey(keyring, new Date(), io.stdout);
      else if (command === 'export-keys') certificateCommands.exportKeys(keyring, io.stdout);
      else certificateCommands.trustKeys(keyring, required(rest[0], '<file>'), io.stdout);
      return 0;
    }
    if (command === 'serve') return await serve(io, serveOptions(values, io.env, { dataDir, database }));

    prepareDataDir(dataDir);
    const store = await openStore(database);
    const context: commands.CommandContext = {
      store,
      now: () => new Date(),
      // Labels and names come from kiosks and operators: printed with control characters made visible.
      // A tab is the commands' own column separator (demo-staff's lines are read by npm start), so each
      // column is escaped on its own (stored values hold no tab: the text rule refuses control characters).
      print: (line) => io.stdout(line.split('\t').map(escapeInvisible).join('\t')),
      defaultCatalogue: () => readCatalogueFile(io.env.SHUBBAK_DEFAULT_CATALOGUE ?? DEFAULT_CATALOGUE_PATH),
    };
    try {
      const run = STORE_COMMANDS.get(command);
      if (!run) throw new commands.CommandError(`unknown command "${command}"\n${USAGE}`);
      await run(context, { values, rest });
    } finally {
      await store.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof commands.CommandError || error instanceof ApiError || isUsageError(error)) {
      io.stderr(`error: ${escapeInvisible((error as Error).message)}`);
      return 2;
    }
    io.stderr(`error: ${escapeInvisible((error as Error).message ?? String(error))}`);
    return 1;
  }
}
