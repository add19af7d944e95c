import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';

/** Where the figures come from: they mean little without the machine, the disk and the versions. */
export type Machine = Readonly<{
  cpu: string;
  cores: number;
  memoryGb: number;
  freeMemoryGb: number;
  os: string;
  node: string;
  /** The file system the SQLite files live on: fsync cost is most of every SQLite figure. */
  tempDirectory: string;
  tempFileSystem: string;
  /** The 1-minute load average when the benchmark started: other work on the machine skews every figure. */
  loadAverage: number;
}>;

const fileSystemOf = (path: string): string => {
  try {
    const lines = execFileSync('df', ['-T', path], { encoding: 'utf8' }).trim().split('\n');
    const fields = (lines[1] ?? '').split(/\s+/);
    return `${fields[1] ?? '?'} on ${fields[0] ?? '?'}`;
  } catch {
    return 'unknown';
  }
};

export const describeMachine = (): Machine => {
  const all = cpus();
  return {
    cpu: all[0]?.model ?? 'unknown',
    cores: all.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    freeMemoryGb: Math.round(freemem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    tempDirectory: tmpdir(),
    tempFileSystem: fileSystemOf(tmpdir()),
    loadAverage: loadavg()[0] ?? 0,
  };
};

/** The 1-minute load average now, to print beside the figures. */
export const loadNow = (): number => loadavg()[0] ?? 0;
