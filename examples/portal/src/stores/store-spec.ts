import { resolve } from 'node:path';
import * as E from 'fp-ts/Either';

/** Where the portal keeps its events, as the command line names it. */
export type StoreSpec =
  | Readonly<{ kind: 'memory' }>
  | Readonly<{ kind: 'sqlite'; path: string }>
  | Readonly<{ kind: 'eventstoredb'; connectionString: string }>;

export type StoreSpecError = Readonly<{ kind: 'InvalidStoreSpec'; field: 'store'; message: string }>;

export const defaultSqliteFile = '.data/portal.sqlite';

export const storeSpecHelp = `memory, sqlite:<file> (default sqlite:${defaultSqliteFile}), or an EventStoreDB connection string (esdb://…, esdb+discover://…, kurrentdb://…)`;

const isEventStoreDb = (text: string): boolean => /^(esdb|kurrentdb)(\+discover)?:\/\//.test(text);

/**
 * Reads `--store`, falling back to `ESDB_CONNECTION_STRING`, then to the SQLite file under
 * `.data/`. Relative paths are taken from where the user ran the command: pnpm runs scripts
 * from the workspace root, and sets INIT_CWD to the directory it was called from.
 */
export const parseStoreSpec = (
  given: string | undefined,
  environment: Readonly<{ ESDB_CONNECTION_STRING?: string; INIT_CWD?: string }>,
  cwd: string,
): E.Either<StoreSpecError, StoreSpec> => {
  const text = given ?? environment.ESDB_CONNECTION_STRING ?? `sqlite:${defaultSqliteFile}`;
  const base = environment.INIT_CWD ?? cwd;
  if (text === 'memory') return E.right({ kind: 'memory' });
  if (text.startsWith('sqlite:') && text.length > 'sqlite:'.length) return E.right({ kind: 'sqlite', path: resolve(base, text.slice('sqlite:'.length)) });
  if (isEventStoreDb(text)) return E.right({ kind: 'eventstoredb', connectionString: text });
  return E.left({ kind: 'InvalidStoreSpec', field: 'store', message: `--store "${text.slice(0, 60)}" is not a store: use ${storeSpecHelp}` });
};
