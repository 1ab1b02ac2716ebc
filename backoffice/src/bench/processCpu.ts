import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds spent between two readings of a counter such as processTreeCpuSeconds (null if either is unknown). */
export const cpuSpent = (before: number | null, after: number | null): number | null =>
  before === null || after === null ? null : after - before;

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ, 100 on every mainstream kernel). */
const USER_HZ = 100;

interface ProcStat {
  ppid: number;
  /** utime + stime + cutime + cstime, in ticks: its own CPU and that of its children already reaped. */
  ticks: number;
}

function procStat(pid: number): ProcStat | null {
  try {
    // Fields after the command name (which may contain spaces): ppid is the 2nd, utime to cstime the 12th to 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by a process and every process under it (a cluster's workers, a
 * PostgreSQL server's backends), from Linux's /proc; null where there is none. A child that has
 * exited is counted once, in its parent's reaped time; a live one by its own.
 */
export function processTreeCpuSeconds(rootPid: number | undefined): number | null {
  if (rootPid === undefined) return null;
  const root = procStat(rootPid);
  if (!root) return null;
  const children = new Map<number, number[]>();
  const stats = new Map<number, ProcStat>([[rootPid, root]]);
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === rootPid) continue;
    const stat = procStat(pid);
    if (!stat) continue;
    stats.set(pid, stat);
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  }
  let ticks = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return ticks / USER_HZ;
}
