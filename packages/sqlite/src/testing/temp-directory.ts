import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type TempDirectory = Readonly<{ path: string; file(name: string): string; remove(): void }>;

/** A fresh directory under the OS temp dir; `remove` deletes it with everything inside. */
export const createTempDirectory = (prefix = 'ssp-sqlite-'): TempDirectory => {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
};
