import { mkdirSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Frame } from './profile';
import { parseJson } from './wire';

/** The measuring process as one compiled script, and its source map. */
export type ChildBundle = Readonly<{ script: string; sourceMap: string }>;

/**
 * Left out of the bundle and loaded from node_modules as an application would: native addons
 * (better-sqlite3, sqlite3), Emmett as published, and the optional OpenTelemetry API, which our
 * packages look for at run time.
 */
const external = ['better-sqlite3', 'sqlite3', '@event-driven-io/emmett', '@event-driven-io/emmett-sqlite', '@opentelemetry/api'];

/**
 * Compiles `child.ts` and everything it imports from the workspace into one CommonJS script
 * with esbuild, as a build of the packages would: the figures are those of compiled
 * JavaScript. Run through tsx instead, every file would carry tsx's helpers (it keeps each
 * function's name with a wrapper call, and reads every namespace import through getters),
 * which cost our code a third of its speed and are no part of what an application runs.
 * The script is written under `directory`, which must be inside `bench/`, so that what is left
 * out resolves from the bench's node_modules.
 */
export const bundleChild = async (directory: string): Promise<ChildBundle> => {
  mkdirSync(directory, { recursive: true });
  const script = join(directory, 'child.cjs');
  await build({
    entryPoints: [join(__dirname, 'child.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'external',
    external,
    logLevel: 'warning',
  });
  return { script, sourceMap: `${script}.map` };
};

const isPayload = (value: unknown): value is SourceMapPayload =>
  typeof value === 'object' && value !== null && 'mappings' in value && 'sources' in value && Array.isArray(value.sources);

/** `const name = (…) =>`, `function name(`, `name: (…) =>`, `name(…) {`: the name a line of TypeScript declares. */
const declaredName = (line: string): string | undefined =>
  /(?:const|let|function\*?|class)\s+([\w$]+)/.exec(line)?.[1] ?? /^\s*(?:async\s+)?([\w$]+)\s*(?::|=|\()/.exec(line)?.[1];

/**
 * Moves a profile's frames in the bundle to their line in the TypeScript source, through the
 * bundle's source map; an anonymous function is named by what its source line declares.
 * Frames elsewhere (Node's own, node_modules left out of the bundle) are kept as they are.
 */
export const locatorFor = (bundle: ChildBundle): ((frame: Frame) => Frame) => {
  const payload = parseJson(readFileSync(bundle.sourceMap, 'utf8'));
  if (!isPayload(payload)) return (frame) => frame;
  const map = new SourceMap(payload);
  const bundleUrl = pathToFileURL(bundle.script).href;
  const lines = new Map<string, readonly string[]>();
  const linesOf = (path: string): readonly string[] => {
    let known = lines.get(path);
    if (known !== undefined) return known;
    try {
      known = readFileSync(path, 'utf8').split('\n');
    } catch {
      // A source that cannot be read keeps the frame's own name.
      known = [];
    }
    lines.set(path, known);
    return known;
  };
  return (frame) => {
    if (frame.url !== bundleUrl) return frame;
    const entry = map.findEntry(frame.line - 1, frame.column);
    if (!('originalSource' in entry) || typeof entry.originalSource !== 'string') return frame;
    const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : resolve(dirname(bundle.script), entry.originalSource);
    const named = frame.functionName === '(anonymous)' ? declaredName(linesOf(source)[entry.originalLine] ?? '') : undefined;
    return { functionName: named ?? frame.functionName, url: `file://${source}`, line: entry.originalLine + 1, column: entry.originalColumn };
  };
};
