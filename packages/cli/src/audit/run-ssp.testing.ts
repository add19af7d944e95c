import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The `ssp` command as the audit e2e specs run it: a child process on the TypeScript sources,
// its exit status and both outputs kept.
const root = join(__dirname, '..', '..', '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const main = join(root, 'packages', 'cli', 'src', 'main.ts');

export type Run = Readonly<{ status: number | null; stdout: string; stderr: string }>;

/** Runs `ssp …`, as another user when `user` names one (the specs of read-only stores). */
export const ssp = (args: readonly string[], user: Readonly<{ uid?: number; gid?: number }> = {}): Run => {
  const { status, stdout, stderr } = spawnSync(tsx, [main, ...args], { encoding: 'utf8', ...user });
  return { status, stdout, stderr };
};
