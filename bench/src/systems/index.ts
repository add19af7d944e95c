import type { UserDevicesContext } from '@ssp/domain';
import type { SeedEvent } from '../seed';
import { openCeilingSystem } from './ceilings';
import type { CommandSystem } from './command-system';
import { openEmmettSystem } from './emmett';
import { openOurSystem } from './ours';

/** Every system a command workload (W1, W2) runs on, by the name the table and the JSON use. */
export const commandSystems = [
  'ours-memory-nocache',
  'ours-memory-cache',
  'ours-sqlite-nocache',
  'ours-sqlite-cache',
  'emmett-memory',
  'emmett-sqlite-tuned',
  'emmett-sqlite-default',
  'ceiling-memory',
  'ceiling-sqlite-append',
  'ceiling-sqlite-read-append',
] as const;
export type CommandSystemId = (typeof commandSystems)[number];

export type SystemFamily = 'ours' | 'emmett' | 'ceiling';
export const familyOf = (id: string): SystemFamily => (id.startsWith('ours') ? 'ours' : id.startsWith('emmett') ? 'emmett' : 'ceiling');

/** Ceilings take one command at a time: better-sqlite3 is synchronous, and a `Map` has nothing to overlap. */
export const takesConcurrency = (id: CommandSystemId): boolean => familyOf(id) !== 'ceiling';

export type SystemInputs = Readonly<{ directory: string; events: readonly SeedEvent[]; contexts: () => ReadonlyMap<string, UserDevicesContext> }>;

export const openCommandSystem = (id: CommandSystemId, { directory, events, contexts }: SystemInputs): Promise<CommandSystem> => {
  switch (id) {
    case 'ours-memory-nocache':
      return openOurSystem('memory', 'nocache', directory, events);
    case 'ours-memory-cache':
      return openOurSystem('memory', 'cache', directory, events);
    case 'ours-sqlite-nocache':
      return openOurSystem('sqlite', 'nocache', directory, events);
    case 'ours-sqlite-cache':
      return openOurSystem('sqlite', 'cache', directory, events);
    case 'emmett-memory':
      return openEmmettSystem('memory', directory, events, contexts());
    case 'emmett-sqlite-tuned':
      return openEmmettSystem('sqlite-tuned', directory, events, contexts());
    case 'emmett-sqlite-default':
      return openEmmettSystem('sqlite-default', directory, events, contexts());
    case 'ceiling-memory':
      return Promise.resolve(openCeilingSystem('memory', directory, events));
    case 'ceiling-sqlite-append':
      return Promise.resolve(openCeilingSystem('sqlite-append', directory, events));
    case 'ceiling-sqlite-read-append':
      return Promise.resolve(openCeilingSystem('sqlite-read-append', directory, events));
  }
};
