import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The domain is pure: its code imports fp-ts, io-ts, uuid and libphonenumber-js, and nothing
// else (no I/O, no clock, no store). Test support under testing/ and the specs may use test
// tools; the core may not.
const root = __dirname;
const allowed = /^(fp-ts(\/.*)?|io-ts|uuid|libphonenumber-js)$/;

const sources = (dir: string): readonly string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });

const importsOf = (file: string): readonly string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'([^']+)'/g)].flatMap((match) => (match[1] === undefined ? [] : [match[1]]));

describe('the domain core', () => {
  it('given every source file outside testing/ and the specs, then each imports only fp-ts, io-ts, uuid, libphonenumber-js or its own files', () => {
    const files = sources(root);
    expect(files.length).toBeGreaterThan(20);
    const foreign = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith('.') && !allowed.test(specifier))
        .map((specifier) => `${relative(root, file)} imports ${specifier}`),
    );
    expect(foreign).toEqual([]);
  });

  it('given its package.json, then it depends on exactly those four packages, fp-ts and io-ts as peers', () => {
    // fp-ts and io-ts appear in the domain's types and users import them too: one copy each,
    // the application's, so that its `Either` and codecs are the domain's.
    const manifest: { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> } = JSON.parse(
      readFileSync(join(root, '..', 'package.json'), 'utf8'),
    );
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(['libphonenumber-js', 'uuid']);
    expect(Object.keys(manifest.peerDependencies ?? {}).sort()).toEqual(['fp-ts', 'io-ts']);
  });
});
