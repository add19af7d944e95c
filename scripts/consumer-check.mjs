#!/usr/bin/env node
// The consumer check: what a backend team gets from `npm install`. It builds and packs every
// package as it would be published, installs the tarballs with npm into a scratch project under
// the system's temp directory (outside the workspace: nothing of the workspace's node_modules
// can leak in), and proves, each as a check that fails when it breaks:
//
//   (1) plain Node.js ESM imports every entry point and handles a command
//   (2) CommonJS `require` does the same
//   (3) `tsc --noEmit` (nodenext, strict, verbatimModuleSyntax, skipLibCheck off) type-checks a
//       consumer's use of the public API and every ```ts snippet of docs/library.md and of the
//       packages' READMEs
//   (4) Jest + ts-jest in the consumer (its tests type-checked by tsc first) runs
//       `@ssp/domain/testing` and the exported conformance suites against stores written in the
//       consumer's project
//   (5) plain Node.js wires the command handler to the SQLite store and replays through projections
//   (6) `npx ssp demo` from the packed CLI, then `ssp audit verify` on what it wrote
//   (7) publint and @arethetypeswrong/cli report no problem for any package
//
// The consumer's files are in consumer-check/. Prints PASS or FAIL per check and exits non-zero
// on any failure. Set KEEP_CONSUMER=1 to keep the scratch project; it is kept on failure.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pnpm = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager;
const started = performance.now();

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * The environment of a user at a terminal, without what npx and pnpm set for the script that
 * runs this one: INIT_CWD would move the demo's store, npm_config_local_prefix would point npm
 * at the workspace, npm_package_* describe it. Kept: the machine's way to the registry (its
 * registry, cache, proxies and certificates), which ~/.npmrc would give a user anyway.
 */
const machineSettings = /^npm_config_(registry|.+:registry|cache|proxy|https?_proxy|noproxy|cafile|ca|strict_ssl)$/i;
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !['INIT_CWD', 'NODE_OPTIONS'].includes(name) && !/^pnpm_/i.test(name) && (!/^npm_/i.test(name) || machineSettings.test(name)),
  ),
);

/** Runs a command; resolves with its output, or throws with it. */
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? root,
    env: options.env ?? cleanEnv,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 10 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error !== undefined) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}\n${output}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}\n${output}`);
  return output;
};

const step = (title, action) => {
  const since = performance.now();
  process.stdout.write(`  ${title} … `);
  const value = action();
  process.stdout.write(`${seconds(since)}\n`);
  return value;
};

const lastLines = (text, count = 60) => text.trimEnd().split('\n').slice(-count).join('\n');

// --- Build, pack, install -------------------------------------------------------------------

const scratch = mkdtempSync(join(tmpdir(), 'ssp-consumer-'));
const tarballs = join(scratch, 'tarballs');
const project = join(scratch, 'consumer');
console.log(`consumer check: the packed packages, installed with npm in ${project}`);

let tarballFiles;
try {
  step('build (pnpm build)', () => run('npx', ['-y', pnpm, 'build'], { env: process.env }));
  tarballFiles = step('pack (pnpm pack, every package)', () => {
    run('npx', ['-y', pnpm, '-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballs], { env: process.env });
    return readdirSync(tarballs).filter((name) => name.endsWith('.tgz')).sort();
  });
  step(`install ${tarballFiles.length} tarballs (npm install)`, () => {
    cpSync(join(root, 'consumer-check'), project, { recursive: true });
    const manifestPath = join(project, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    for (const file of tarballFiles) {
      const packed = JSON.parse(run('tar', ['-xzOf', join(tarballs, file), 'package/package.json']));
      manifest.dependencies[packed.name] = `file:${join(tarballs, file)}`;
    }
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    writeSnippets(join(project, 'src', 'snippets'));
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project });
  });
} catch (error) {
  console.log(`\nFAIL consumer check: could not set up the consumer project\n${lastLines(error.message)}`);
  console.log(`(kept: ${scratch})`);
  process.exit(1);
}

/** Every ```ts block of docs/library.md and of each package's README, as an ES module of the consumer. */
function writeSnippets(directory) {
  mkdirSync(directory, { recursive: true });
  const sources = [join(root, 'docs', 'library.md'), ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'README.md'))];
  let count = 0;
  for (const source of sources.filter((path) => existsSync(path))) {
    const blocks = [...readFileSync(source, 'utf8').matchAll(/^```ts\n([\s\S]*?)^```$/gm)];
    const label = source.slice(root.length).replace(/\W+/g, '_');
    blocks.forEach((block, index) => {
      writeFileSync(join(directory, `${label}_${index + 1}.mts`), `// From ${source.slice(root.length)}, snippet ${index + 1}.\n${block[1]}`);
      count += 1;
    });
  }
  if (count < 10) throw new Error(`only ${count} snippets found in docs/library.md and the READMEs`);
}

// --- The checks -------------------------------------------------------------------------------

const inProject = (command, args, options = {}) => run(command, args, { cwd: project, ...options });

const checks = [
  {
    title: '(1) plain Node.js ESM imports every entry point and handles a command',
    run: () => inProject('node', ['src/esm.mjs']),
  },
  {
    title: '(2) CommonJS require loads every entry point and handles a command',
    run: () => inProject('node', ['src/cjs.cjs']),
  },
  {
    title: '(3) tsc --noEmit (nodenext, strict, verbatimModuleSyntax, skipLibCheck off) on the consumer and the docs snippets',
    run: () => {
      const files = readdirSync(join(project, 'src', 'snippets')).length;
      inProject(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json']);
      return `consumer.mts, consumer.cts and ${files} snippets type-check`;
    },
  },
  {
    title: '(4) Jest + ts-jest: @ssp/domain/testing and the conformance suites against the consumer\'s own stores',
    run: () => {
      inProject(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.jest.json']);
      const output = inProject(join('node_modules', '.bin', 'jest'), ['--ci']);
      return output.split('\n').filter((line) => /^(Tests|Test Suites):/.test(line)).join('\n');
    },
  },
  {
    title: '(5) plain Node.js: the command handler on SQLite, replayed through projections',
    run: () => inProject('node', ['src/sqlite-replay.mjs']),
  },
  {
    title: '(6) npx ssp demo from the packed CLI, in a directory of its own, then ssp audit verify',
    run: () => {
      const cwd = join(project, 'a-fresh-directory');
      mkdirSync(cwd);
      const demo = run('npx', ['--no', 'ssp', 'demo'], { cwd });
      if (!/\d+ commands accepted, \d+ refused\./.test(demo)) throw new Error(`the demo did not tell its story:\n${demo}`);
      if (!existsSync(join(cwd, '.data', 'demo.sqlite'))) throw new Error(`the demo wrote no .data/demo.sqlite in ${cwd}`);
      const verify = run('npx', ['--no', 'ssp', 'audit', 'verify', '--store', 'sqlite:.data/demo.sqlite'], { cwd });
      return `${demo.split('\n').find((line) => / commands accepted/.test(line))}\n${verify.trim()}`;
    },
  },
  {
    title: '(7) publint and @arethetypeswrong/cli on every tarball',
    run: async () => {
      const { publint } = await import('publint');
      const { formatMessage } = await import('publint/utils');
      const problems = [];
      const verdicts = [];
      for (const file of tarballFiles) {
        const data = readFileSync(join(tarballs, file));
        const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
        const linted = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
        for (const message of linted.messages) problems.push(`${file} (publint ${message.type}): ${formatMessage(message, linted.pkg, { color: false })}`);
        const attw = spawnSync(join(root, 'node_modules', '.bin', 'attw'), ['--format', 'json', join(tarballs, file)], { encoding: 'utf8' });
        const { analysis } = JSON.parse(attw.stdout);
        const packed = JSON.parse(run('tar', ['-xzOf', join(tarballs, file), 'package/package.json']));
        const importable = Object.keys(packed.exports ?? {}).some((subpath) => subpath !== './package.json');
        if (analysis.types === false) {
          // Only a package with nothing to import (the CLI: a bin) may come without types.
          if (importable) problems.push(`${file} (attw): ships no types`);
          else verdicts.push(`${basename(file)}: a command, nothing to import`);
        } else {
          for (const problem of analysis.problems ?? []) problems.push(`${file} (attw ${problem.kind}): ${JSON.stringify(problem)}`);
          const checked = Object.keys(analysis.entrypoints ?? {}).filter((subpath) => !subpath.endsWith('package.json'));
          verdicts.push(`${basename(file)}: ${checked.join(', ')}: every resolution mode`);
        }
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
      return `publint: no message for any of ${tarballFiles.length} tarballs\nattw:\n  ${verdicts.join('\n  ')}`;
    },
  },
];

let failures = 0;
for (const check of checks) {
  const since = performance.now();
  try {
    const output = await check.run();
    console.log(`PASS ${check.title} (${seconds(since)})`);
    const summary = typeof output === 'string' ? output.trim() : '';
    if (summary !== '') console.log(`     ${lastLines(summary, 12).split('\n').join('\n     ')}`);
  } catch (error) {
    failures += 1;
    console.log(`FAIL ${check.title} (${seconds(since)})`);
    console.log(`     ${lastLines(error instanceof Error ? error.message : String(error)).split('\n').join('\n     ')}`);
  }
}

const total = seconds(started);
if (failures === 0 && process.env.KEEP_CONSUMER !== '1') rmSync(scratch, { recursive: true, force: true });
else console.log(`(the consumer project is kept in ${project})`);
console.log(`consumer check took ${total}`);
console.log(`consumer-check: ${checks.length - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
