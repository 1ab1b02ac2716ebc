import { runCli } from './cli/run';

/** `npm run backoffice -- <command>`: see USAGE in cli/run.ts. */
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  env: process.env,
});
