import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Sizes } from './options';
import { createSeed } from './seed';
import { createW2Seed } from './w2';
import { createW3History } from './w3';

export type InputFiles = Readonly<{ w1Seed: string; w2Seed: string; w3History: string }>;

export const inputFiles = (directory: string): InputFiles => ({
  w1Seed: join(directory, 'w1-seed.json'),
  w2Seed: join(directory, 'w2-seed.json'),
  w3History: join(directory, 'w3-history.json'),
});

/**
 * Writes the histories every child starts from, once per benchmark: W1's setup (account,
 * application, each user's session, first phone and step-up), W2's user with its long
 * stream, and W1's whole history for W3. All are written by our handler (or, for W2's
 * renames, as it writes them), then copied into each system's store before timing.
 */
export const prepareInputs = async (directory: string, sizes: Sizes, progress: (line: string) => void): Promise<InputFiles> => {
  const files = inputFiles(directory);
  const started = performance.now();
  const w1Seed = await createSeed('w1', sizes.users);
  writeFileSync(files.w1Seed, JSON.stringify(w1Seed));
  writeFileSync(files.w2Seed, JSON.stringify(await createW2Seed(sizes.w2History)));
  const history = await createW3History(w1Seed, sizes.rounds);
  writeFileSync(files.w3History, JSON.stringify(history));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  progress(`inputs written in ${seconds} s: ${w1Seed.events.length} setup events for ${sizes.users} users, W3's history of ${history.events.length} events`);
  return files;
};
