import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createTempDirectory } from './temp-directory';

/**
 * A small tmpfs over a fresh directory, for what root cannot bypass: a file system mounted
 * read-only, a disk that is full. Mounting needs root with CAP_SYS_ADMIN, which a container
 * may lack: `mountTmpfs` then returns undefined, and the tests that need one are skipped
 * (visibly) while the others still cover the read-only open.
 */
export type Tmpfs = Readonly<{
  path: string;
  file(name: string): string;
  remountReadOnly(): void;
  /** Writes filler files until the file system refuses with ENOSPC. */
  fillUp(): void;
  unmount(): void;
}>;

export const mountTmpfs = (sizeBytes: number): Tmpfs | undefined => {
  const directory = createTempDirectory('ssp-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', directory.path], { stdio: 'ignore' });
  } catch {
    directory.remove();
    return undefined;
  }
  return {
    path: directory.path,
    file: directory.file,
    remountReadOnly: () => execFileSync('mount', ['-o', 'remount,ro', directory.path], { stdio: 'ignore' }),
    fillUp: () => {
      for (let index = 0; ; index += 1) {
        try {
          writeFileSync(directory.file(`filler-${index}`), Buffer.alloc(4096));
        } catch (error) {
          // Not `instanceof Error`: Node's errors come from another realm under Jest.
          if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOSPC') return;
          throw error;
        }
      }
    },
    unmount: () => {
      // Lazily: a test that failed with the store still open must not fail again here, hiding why.
      execFileSync('umount', ['--lazy', directory.path], { stdio: 'ignore' });
      directory.remove();
    },
  };
};

/** Tried once per test file: whether this machine lets the tests mount a tmpfs. */
export const canMountTmpfs = (): boolean => {
  const probe = mountTmpfs(64 * 1024);
  probe?.unmount();
  return probe !== undefined;
};
