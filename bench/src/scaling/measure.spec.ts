import { createSeed, type Seed } from '../seed';
import { measure } from './measure';
import { expectedCommands, expectedSmsNotices, quickScalingSizes, scalingLabel } from './workload';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The scaling benchmark's correctness at --quick sizes, two handler processes on each store:
// every command accepted and every SMS sent once. Never its figures.
const sizes = quickScalingSizes;
const twoMinutes = 120_000;
let seed: Seed;
let directory: string;

beforeAll(async () => {
  seed = await createSeed(scalingLabel, sizes.users);
  directory = mkdtempSync(join(tmpdir(), 'ssp-scaling-spec-'));
}, twoMinutes);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each(['sqlite', 'esdb'] as const)('measure on %s', (store) => {
  it('given two handler processes and one notification worker on one store, when the quick workload runs, then every command is accepted and every SMS sent once', async () => {
    const measured = await measure({ store, processes: 2, run: 1, sizes, seed, directory });
    expect(measured.problems).toEqual([]);
    expect(measured.accepted).toBe(expectedCommands(sizes));
    expect(measured.noticesSent).toBe(expectedSmsNotices(sizes));
  }, twoMinutes);
});
