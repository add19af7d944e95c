import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleChild, locatorFor } from './bundle';

const sourceLineOf = (path: string, text: string): number => readFileSync(path, 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;

describe('the measuring process, compiled', () => {
  const directory = join(__dirname, '..', '.build', `spec-${process.pid}`);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('given the child, when bundled, then one script holds our packages and a profile frame in it is located in the TypeScript source', async () => {
    // when
    const bundle = await bundleChild(directory);

    // then: the workspace's code is in the script, what is left out is not
    const script = readFileSync(bundle.script, 'utf8');
    expect(existsSync(bundle.sourceMap)).toBe(true);
    expect(script).toContain('var canonicalJson = ');
    expect(script).toMatch(/require\("better-sqlite3"\)/);
    expect(script).not.toContain('better_sqlite3.node');

    // and a frame at canonicalJson's line in the bundle is moved to its line in our source
    const bundleLine = script.split('\n').findIndex((line) => line.startsWith('var canonicalJson = ')) + 1;
    const located = locatorFor(bundle)({ functionName: 'canonicalJson', url: pathToFileURL(bundle.script).href, line: bundleLine, column: 4 });
    const source = resolve(__dirname, '..', '..', 'packages', 'eventstore', 'src', 'canonical-json.ts');
    expect(located).toMatchObject({ functionName: 'canonicalJson', url: `file://${source}`, line: sourceLineOf(source, 'export const canonicalJson') });

    // and a frame outside the bundle is left as it is
    const native = { functionName: 'hash', url: 'node:internal/crypto/hash', line: 221, column: 0 };
    expect(locatorFor(bundle)(native)).toEqual(native);
  });
});
