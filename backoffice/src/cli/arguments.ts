import { parseArgs } from 'node:util';
import { MAX_RETENTION_DAYS, parseRetentionDays } from '../service/retention';
import type { CommandContext } from './commands';
import { CommandError } from './commands';

/** Every flag of every command (see USAGE in run.ts); a command reads those it takes. */
const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  database: { type: 'string' },
  'pool-size': { type: 'string' },
  workers: { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  office: { type: 'string' },
  reason: { type: 'string' },
  'reason-code': { type: 'string' },
  role: { type: 'string' },
  login: { type: 'string' },
  'rate-limit': { type: 'string' },
  'retention-days': { type: 'string' },
  'messages-config': { type: 'string' },
  'public-url': { type: 'string' },
  'trust-proxy': { type: 'string' },
  'allow-plain-http': { type: 'boolean' },
  days: { type: 'string' },
  'name-ar': { type: 'string' },
  'address-ar': { type: 'string' },
  'address-zgh': { type: 'string' },
  'address-fr': { type: 'string' },
  'address-en': { type: 'string' },
  hours: { type: 'string' },
  'name-zgh': { type: 'string' },
  'name-fr': { type: 'string' },
  'name-en': { type: 'string' },
  logo: { type: 'string' },
  keys: { type: 'string' },
  kind: { type: 'string' },
  commune: { type: 'string', multiple: true },
  email: { type: 'string' },
  endpoint: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The flags and the words after the command; an unknown flag throws (see isUsageError). */
export function parseCommandLine(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}

export type CliValues = ReturnType<typeof parseCommandLine>['values'];

/** What a command receives: the flags, and the words after the command's name. */
export interface CommandLine {
  values: CliValues;
  rest: readonly string[];
}

/** The commands of one area that work on the store, by name. */
export type StoreCommands = Record<string, (context: CommandContext, line: CommandLine) => Promise<unknown>>;

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new CommandError(`missing ${flag}`);
  return value;
}

/** A whole number from 1 to 1000, or undefined when not given. */
export function positiveCount(text: string | undefined, flag: string): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > 1000) throw new CommandError(`${flag} must be a whole number from 1 to 1000`);
  return Number(text);
}

export function retentionDays(value: string): number {
  const days = parseRetentionDays(value);
  if (days === null) throw new CommandError(`retention must be whole days, 1 to ${MAX_RETENTION_DAYS}`);
  return days;
}

export function isOn(text: string | undefined): boolean {
  return ['1', 'true', 'on', 'yes'].includes((text ?? '').trim().toLowerCase());
}

export function isUsageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
