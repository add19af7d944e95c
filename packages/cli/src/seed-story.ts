import { join } from 'node:path';

/**
 * The seed's story, shipped inside this package (`seed-story/story.jsonl`; `examples/seed-story`
 * links to it). Found from this module's directory: `src/` when run from the sources, `dist/`
 * once built into the one bundle of the `ssp` command, both one level below the package's root.
 */
export const seedStoryFile = join(__dirname, '..', 'seed-story', 'story.jsonl');
