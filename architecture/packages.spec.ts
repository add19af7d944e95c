import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The published shape of every package, checked without building or packing (the consumer
 * check, scripts/consumer-check.mjs, proves the packed result). In the workspace, `exports`
 * names the TypeScript sources, which the tests and the CLI run; `publishConfig` names what
 * `pnpm build` writes to dist/, and pnpm puts it in the packed package.json. The two must name
 * the same entry points, by one convention: `./testing` ↔ `src/testing/index.ts` ↔
 * `dist/testing.{mjs,cjs,d.mts,d.cts}`.
 */
const root = join(__dirname, '..');

type Conditions = Readonly<{ import: Readonly<{ types: string; default: string }>; require: Readonly<{ types: string; default: string }> }>;

type Manifest = Readonly<{
  name: string;
  license?: string;
  type?: string;
  main?: string;
  exports?: Readonly<Record<string, string>>;
  files?: readonly string[];
  sideEffects?: boolean;
  engines?: Readonly<Record<string, string>>;
  publishConfig?: Readonly<{
    access?: string;
    main?: string;
    types?: string;
    exports?: Readonly<Record<string, Conditions | string>>;
    typesVersions?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
    bin?: Readonly<Record<string, string>>;
  }>;
  typedocOptions?: Readonly<{ entryPoints?: readonly string[] }>;
  dependencies?: Readonly<Record<string, string>>;
  peerDependencies?: Readonly<Record<string, string>>;
  devDependencies?: Readonly<Record<string, string>>;
}>;

const packages = readdirSync(join(root, 'packages')).filter((name) => existsSync(join(root, 'packages', name, 'package.json')));
const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));

/** The entry points a package offers to import: every subpath but `./package.json`. */
const entryPointsOf = (manifest: Manifest): ReadonlyArray<readonly [subpath: string, source: string]> =>
  Object.entries(manifest.exports ?? {}).filter(([subpath]) => subpath !== './package.json');

const libraries = packages.filter((dir) => entryPointsOf(manifestOf(dir)).length > 0);

const builtName = (subpath: string): string => (subpath === '.' ? 'index' : subpath.slice('./'.length));

const built = (subpath: string): Conditions => {
  const name = builtName(subpath);
  return {
    import: { types: `./dist/${name}.d.mts`, default: `./dist/${name}.mjs` },
    require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
  };
};

describe('every package, as published', () => {
  const license = readFileSync(join(root, 'LICENSE'), 'utf8');

  it.each(packages)('given %s, then it carries a README, its CHANGELOG and the MIT licence of the repository', (dir) => {
    const manifest = manifestOf(dir);
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(join(root, 'packages', dir, 'LICENSE'), 'utf8')).toBe(license);
    expect(readFileSync(join(root, 'packages', dir, 'README.md'), 'utf8')).toMatch(new RegExp(`^# ${manifest.name}\n`));
    expect(readFileSync(join(root, 'packages', dir, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^# ${manifest.name}\n`));
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'CHANGELOG.md']));
  });

  it.each(packages)('given %s, then it states its module type, the Node.js versions it runs on, and public access', (dir) => {
    const manifest = manifestOf(dir);
    expect(manifest.type).toBe('commonjs');
    expect(manifest.engines?.['node']).toBe('>=20');
    expect(manifest.publishConfig?.access).toBe('public');
  });
});

describe('every library package', () => {
  it.each(libraries)('given %s, then its exports name TypeScript sources that exist, and its package.json', (dir) => {
    const manifest = manifestOf(dir);
    for (const [, source] of entryPointsOf(manifest)) expect(existsSync(join(root, 'packages', dir, source))).toBe(true);
    expect(manifest.exports?.['./package.json']).toBe('./package.json');
    expect(manifest.main).toBe(manifest.exports?.['.']);
  });

  it.each(libraries)('given %s, then it publishes the built ESM, CommonJS and declarations of each of those entry points', (dir) => {
    const manifest = manifestOf(dir);
    const expected = Object.fromEntries([...entryPointsOf(manifest).map(([subpath]) => [subpath, built(subpath)]), ['./package.json', './package.json']]);
    expect(manifest.publishConfig?.exports).toEqual(expected);
    expect(manifest.publishConfig?.main).toBe('./dist/index.cjs');
    expect(manifest.publishConfig?.types).toBe('./dist/index.d.cts');
  });

  it.each(libraries)('given %s, then TypeScript resolving as node10 finds the declarations of its subpaths too', (dir) => {
    const manifest = manifestOf(dir);
    const subpaths = entryPointsOf(manifest).filter(([subpath]) => subpath !== '.');
    const expected = Object.fromEntries(subpaths.map(([subpath]) => [builtName(subpath), [`./dist/${builtName(subpath)}.d.cts`]]));
    expect(manifest.publishConfig?.typesVersions?.['*'] ?? {}).toEqual(expected);
  });

  it.each(libraries)('given %s, then the API reference documents exactly its entry points', (dir) => {
    const manifest = manifestOf(dir);
    expect(manifest.typedocOptions?.entryPoints).toEqual(entryPointsOf(manifest).map(([, source]) => source));
  });

  it.each(libraries)('given %s, then it has no side effects on import, for bundlers to drop what is unused', (dir) => {
    expect(manifestOf(dir).sideEffects).toBe(false);
  });

  it.each(libraries)('given %s, then fp-ts and io-ts, which its types expose, are peers (installed in the workspace for its tests)', (dir) => {
    const manifest = manifestOf(dir);
    for (const shared of ['fp-ts', 'io-ts']) expect(manifest.dependencies?.[shared]).toBeUndefined();
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) expect(manifest.devDependencies?.[peer]).toBeDefined();
  });
});

describe('the CLI package', () => {
  const manifest = manifestOf('cli');

  it('given its manifest, then it installs the `ssp` command from its build, and nothing to import', () => {
    expect(manifest.publishConfig?.bin).toEqual({ ssp: './dist/main.cjs' });
    expect(entryPointsOf(manifest)).toEqual([]);
  });

  it('given the seed story, then the package ships it, and examples/seed-story links to that copy', () => {
    expect(manifest.files).toContain('seed-story');
    const shipped = join(root, 'packages', 'cli', 'seed-story', 'story.jsonl');
    expect(realpathSync(join(root, 'examples', 'seed-story', 'story.jsonl'))).toBe(realpathSync(shipped));
  });
});
