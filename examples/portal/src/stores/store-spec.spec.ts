import * as E from 'fp-ts/Either';
import { parseStoreSpec } from './store-spec';

describe('the --store option', () => {
  it('defaults to the SQLite file under .data/, from where the user ran the command', () => {
    expect(parseStoreSpec(undefined, { INIT_CWD: '/home/me/repo' }, '/elsewhere')).toEqual(E.right({ kind: 'sqlite', path: '/home/me/repo/.data/portal.sqlite' }));
  });

  it('takes ESDB_CONNECTION_STRING when no option is given, and the option over it', () => {
    expect(parseStoreSpec(undefined, { ESDB_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' }, '/')).toEqual(
      E.right({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' }),
    );
    expect(parseStoreSpec('memory', { ESDB_CONNECTION_STRING: 'esdb://localhost:2113' }, '/')).toEqual(E.right({ kind: 'memory' }));
  });

  it('reads sqlite:<file> relative to the working directory', () => {
    expect(parseStoreSpec('sqlite:db/x.sqlite', {}, '/work')).toEqual(E.right({ kind: 'sqlite', path: '/work/db/x.sqlite' }));
  });

  it('refuses anything else, naming the option', () => {
    const refused = parseStoreSpec('mysql://x', {}, '/');
    expect(E.isLeft(refused) && refused.left.message).toContain('--store "mysql://x" is not a store');
    expect(E.isLeft(parseStoreSpec('sqlite:', {}, '/'))).toBe(true);
  });
});
