/** Linux /proc readers: memory of a process, open descriptors, child processes, temporary folders. */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** Fields of /proc/PID/status in kB (VmRSS, VmHWM, ...); undefined when the process is gone. */
export function procStatusKb(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Number of open file descriptors of a process (undefined when unreadable). */
export function openFds(pid: number | 'self' = 'self'): number | undefined {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return undefined;
  }
}

interface ProcInfo {
  pid: number;
  ppid: number;
  startTicks: number;
  state: string;
}

function procInfo(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ... starttime(22nd field)"; comm may hold spaces and parentheses.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: rest[0]!, ppid: Number(rest[1]), startTicks: Number(rest[19]) };
  } catch {
    return undefined;
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
}

function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/** Child processes of `parent` (by PPid). */
export function childrenOf(parent: number): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const pid of allPids()) {
    const info = procInfo(pid);
    if (info && info.ppid === parent) out.push(info);
  }
  return out;
}

/**
 * The pid of this process's twinbuild hook worker for the hook module
 * `hookModule` (the newest if several). twinbuild's HookWorker does not
 * expose the pid, so it is found by its command line: a child of this Node
 * process running hook_worker.py with the hook spec as its first argument.
 */
export function findWorkerPid(hookModule: string): number | undefined {
  const candidates = childrenOf(process.pid).filter((p) => {
    const argv = cmdline(p.pid);
    const script = argv.findIndex((a) => a.endsWith('hook_worker.py'));
    return script >= 0 && (argv[script + 1] ?? '').split(':')[0] === hookModule;
  });
  candidates.sort((a, b) => b.startTicks - a.startTicks);
  return candidates[0]?.pid;
}

/** Folders named `twinbuild-*` in the temporary directory. */
export function twinbuildTempDirs(): string[] {
  try {
    return readdirSync(tmpdir()).filter((n) => n.startsWith('twinbuild-'));
  } catch {
    return [];
  }
}

/** Clock ticks per second of /proc/PID/stat times (USER_HZ; 100 on Linux). */
const TICK_MS = 10;

/**
 * CPU time of a process in ms from /proc/PID/stat: its own user + system
 * time and, with `children`, that of its children it has waited for.
 */
export function procCpuMs(pid: number | 'self', children = true): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    // fields 14-17 (utime, stime, cutime, cstime) are at 11-14 after "pid (comm) ".
    const own = f[11]! + f[12]!;
    return (children ? own + f[13]! + f[14]! : own) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** CPU time of this process (µs-accurate) plus its waited-for children (tick-accurate), ms. */
export function selfAndChildrenCpuMs(): number {
  const u = process.cpuUsage();
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  return (u.user + u.system) / 1000 + (f[13]! + f[14]!) * TICK_MS;
}
