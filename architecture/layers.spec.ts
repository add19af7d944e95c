import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The layers of the workspace, from the bottom up:
 *
 *   domain ← eventstore ← {sqlite, eventstoredb}
 *   domain, eventstore ← {commands, projections, notifications} ← cli (and examples)
 *   eventstoredb-test-server (test tooling: it imports no workspace package)
 *
 * A package may import only the workspace packages below it. No store adapter imports another,
 * and no package but the CLI (and the examples) imports an adapter: everything else works on
 * the `EventStore` port. Allowances for test support (specs and `src/testing`): the
 * projections' helpers build histories through the command handler, so they may import
 * `@ssp/commands`; the notifications' specs do too, and check the audit's chain over the
 * outbox with `@ssp/projections`' `verifyHistory`; the specs of the EventStoreDB adapter (and
 * its helpers) and of the CLI run against the EventStoreDB test server.
 */
const root = join(__dirname, '..');

const allowed: Readonly<Record<string, readonly string[]>> = {
  domain: [],
  eventstore: ['domain'],
  sqlite: ['domain', 'eventstore'],
  eventstoredb: ['domain', 'eventstore'],
  commands: ['domain', 'eventstore'],
  projections: ['domain', 'eventstore'],
  notifications: ['domain', 'eventstore'],
  cli: ['domain', 'eventstore', 'sqlite', 'eventstoredb', 'commands', 'projections'],
  'eventstoredb-test-server': [],
};

/** Test helpers that may reach one layer further, and why (see above). */
const testHelperAllowances: Readonly<Record<string, readonly string[]>> = {
  projections: ['commands'],
  notifications: ['commands', 'projections'],
  eventstoredb: ['eventstoredb-test-server'],
  cli: ['eventstoredb-test-server'],
};

const packages = readdirSync(join(root, 'packages')).filter((name) => existsSync(join(root, 'packages', name, 'package.json')));

const sourcesOf = (dir: string): readonly string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourcesOf(path);
    return name.endsWith('.ts') ? [path] : [];
  });

/** Every module a file names: static imports and exports, `import()` and `require()`. */
const specifiersOf = (file: string): readonly string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)'([^']+)'/g)].flatMap((match) => (match[1] === undefined ? [] : [match[1]]));

const workspacePackageOf = (specifier: string): string | undefined => /^@ssp\/([^/]+)/.exec(specifier)?.[1];

const isTestSupport = (file: string): boolean => file.endsWith('.spec.ts') || file.split('/').includes('testing');

type Manifest = Readonly<{ dependencies?: Record<string, string>; devDependencies?: Record<string, string>; peerDependencies?: Record<string, string> }>;

const manifestOf = (name: string): Manifest => JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));

describe('the layers of the workspace', () => {
  it('given the packages on disk, then each has its place in the layers', () => {
    expect([...packages].sort()).toEqual(Object.keys(allowed).sort());
  });

  it.each(packages)('given every file of %s, then it imports only the workspace packages below it', (name) => {
    const files = sourcesOf(join(root, 'packages', name, 'src'));
    expect(files.length).toBeGreaterThan(0);
    const crossings = files.flatMap((file) =>
      specifiersOf(file).flatMap((specifier) => {
        const target = workspacePackageOf(specifier);
        if (target === undefined || target === name) return [];
        const permitted = [...(allowed[name] ?? []), ...(isTestSupport(file) ? (testHelperAllowances[name] ?? []) : [])];
        return permitted.includes(target) ? [] : [`${relative(root, file)} imports ${specifier}`];
      }),
    );
    expect(crossings).toEqual([]);
  });

  it.each(packages)('given the manifest of %s, then it depends on no workspace package above it', (name) => {
    const manifest = manifestOf(name);
    const permitted = [...(allowed[name] ?? []), ...(testHelperAllowances[name] ?? [])];
    const named = [manifest.dependencies, manifest.devDependencies, manifest.peerDependencies].flatMap((deps) => Object.keys(deps ?? {}));
    const crossings = named.flatMap((dependency) => {
      const target = workspacePackageOf(dependency);
      return target === undefined || permitted.includes(target) ? [] : [dependency];
    });
    expect(crossings).toEqual([]);
  });

  it('given the rules, then no store adapter may import another, and only the CLI may import an adapter', () => {
    const adapters = ['sqlite', 'eventstoredb'];
    const importersOfAdapters = Object.entries(allowed)
      .filter(([, below]) => below.some((name) => adapters.includes(name)))
      .map(([name]) => name);
    expect(importersOfAdapters).toEqual(['cli']);
  });
});
