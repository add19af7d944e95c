import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedStoryFile } from '../seed-story';
import { ssp } from './run-ssp.testing';

/**
 * The seed story run once by `ssp run` into a SQLite file in a folder of its own, and fresh
 * copies of that file, one per test that tampers with it or damages it: the audit e2e specs'
 * common ground.
 */
export const storyStore = (prefix: string) => {
  let base = '';
  let copies = 0;
  const original = (): string => join(base, 'story.sqlite');
  return {
    /** Makes the folder and writes the story into it; call it in `beforeAll`. */
    create: (): string => {
      base = mkdtempSync(join(tmpdir(), prefix));
      const run = ssp(['run', seedStoryFile, '--store', `sqlite:${original()}`]);
      if (run.status !== 0) throw new Error(`ssp run failed: ${run.stderr}`);
      return original();
    },
    original,
    /** The folder, for other files a spec keeps beside the store (keys, seals). */
    folder: (): string => base,
    /** A fresh copy of the story's file. */
    copy: (): string => {
      copies += 1;
      const path = join(base, `copy-${copies}.sqlite`);
      copyFileSync(original(), path);
      return path;
    },
    remove: (): void => rmSync(base, { recursive: true, force: true }),
  };
};
