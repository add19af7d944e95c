import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'tsdown';

// `pnpm build`: every package into its dist/, as published. The workspace itself never reads
// dist/: each package.json's `exports` names the TypeScript sources, which the tests and the
// CLI run, and its `publishConfig` names what is built here (pnpm puts those fields in the
// packed package.json). The entry points are read from `exports`: `./testing` →
// `src/testing/index.ts` is built to `dist/testing.{mjs,cjs,d.mts,d.cts}`, the names
// `publishConfig` must give (architecture/packages.spec.ts checks that it does).

type Manifest = Readonly<{ name: string; exports?: Readonly<Record<string, string>>; peerDependencies?: Readonly<Record<string, string>> }>;

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));

const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(`${packagesDir}${dir}/package.json`, 'utf8'));

const entriesOf = (manifest: Manifest): Record<string, string> =>
  Object.fromEntries(
    Object.entries(manifest.exports ?? {})
      .filter(([, source]) => source.endsWith('.ts'))
      .map(([subpath, source]) => [subpath === '.' ? 'index' : subpath.slice('./'.length), source]),
  );

const common = {
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // The packages are only ever built, never watched, and warnings are mistakes to fix.
  failOnWarn: true,
  // CommonJS is one of the two formats we promise, not an oversight; and timings are not warnings.
  checks: { legacyCjs: false, pluginTimings: false },
} satisfies UserConfig;

/**
 * `@opentelemetry/api` is an optional peer of the command and read sides: their code loads it
 * if the app has it. Its types appear in the handler's and the runner's options, so they are
 * copied into our declarations, with its license (Apache-2.0) beside them: an app without it
 * still type-checks, with `skipLibCheck` off too. Nothing else is ever bundled: any other import
 * from node_modules must be a declared dependency or peer, or the build fails.
 */
const OPENTELEMETRY_API = '@opentelemetry/api';

const isDeclaration = (file: string | undefined): boolean => file !== undefined && /\.d\.[cm]?ts$/.test(file);

const openTelemetryLicense = (dir: string): string => {
  const entry = createRequire(`${packagesDir}${dir}/package.json`).resolve(OPENTELEMETRY_API);
  return `${entry.slice(0, entry.lastIndexOf(`/${OPENTELEMETRY_API}/`))}/${OPENTELEMETRY_API}/LICENSE`;
};

/** A library: ESM and CommonJS, each with its declarations and source maps. */
const library = (dir: string, manifest: Manifest): UserConfig => {
  const usesOpenTelemetry = manifest.peerDependencies?.[OPENTELEMETRY_API] !== undefined;
  return {
    ...common,
    name: manifest.name,
    cwd: `${packagesDir}${dir}`,
    entry: entriesOf(manifest),
    format: ['esm', 'cjs'],
    dts: true,
    deps: {
      alwaysBundle: (id, importer) => usesOpenTelemetry && id === OPENTELEMETRY_API && isDeclaration(importer),
      onlyBundle: usesOpenTelemetry ? [OPENTELEMETRY_API] : [],
    },
    copy: usesOpenTelemetry ? [{ from: openTelemetryLicense(dir), to: 'dist', rename: 'opentelemetry-api.LICENSE' }] : [],
    // `__dirname` in the ESM build, for the test server's worker.
    shims: true,
  };
};

/** The `ssp` command: one CommonJS file, run by Node, imported by no one. */
const command = (dir: string, manifest: Manifest): UserConfig => ({
  ...common,
  name: manifest.name,
  cwd: `${packagesDir}${dir}`,
  entry: { main: 'src/main.ts' },
  format: ['cjs'],
  dts: false,
});

/** The test server's worker thread: started from a file path, so one CommonJS file. */
const worker = (dir: string, manifest: Manifest): UserConfig => ({
  ...common,
  name: `${manifest.name} (worker)`,
  cwd: `${packagesDir}${dir}`,
  entry: { worker: 'src/worker.ts' },
  format: ['cjs'],
  dts: false,
  // The library build of the same package cleans dist/ first.
  clean: false,
});

const configsOf = (dir: string): UserConfig[] => {
  const manifest = manifestOf(dir);
  if (dir === 'cli') return [command(dir, manifest)];
  if (dir === 'eventstoredb-test-server') return [library(dir, manifest), worker(dir, manifest)];
  return [library(dir, manifest)];
};

export default defineConfig(readdirSync(packagesDir).sort().flatMap(configsOf));
