import { readFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Frame } from './profile';

const sourceLines = new Map<string, readonly string[]>();
const linesOf = (path: string): readonly string[] => {
  const known = sourceLines.get(path);
  if (known !== undefined) return known;
  let lines: readonly string[] = [];
  try {
    lines = readFileSync(path, 'utf8').split('\n');
  } catch {
    // A source that cannot be read keeps the frame's own name.
  }
  sourceLines.set(path, lines);
  return lines;
};

/** `const name = (…) =>`, `function name(`, `name: (…) =>`, `name(…) {`: the name a line of TypeScript declares. */
const declaredName = (line: string): string | undefined =>
  /(?:const|let|function\*?|class)\s+([\w$]+)/.exec(line)?.[1] ?? /^\s*(?:async\s+)?([\w$]+)\s*(?::|=|\()/.exec(line)?.[1];

/**
 * Moves a frame of a TypeScript file run through tsx to its line in the source, named by what
 * that line declares, through the source map tsx registered in this process. The parent loads
 * the same files through the same tsx, so the maps match the child's code.
 */
export const locateInSource = (frame: Frame): Frame => {
  if (!frame.url.startsWith('file://') || !frame.url.endsWith('.ts')) return frame;
  const map = findSourceMap(fileURLToPath(frame.url));
  const entry = map?.findEntry(frame.line - 1, frame.column);
  if (entry === undefined || !('originalLine' in entry) || typeof entry.originalSource !== 'string') return frame;
  const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : entry.originalSource;
  const line = entry.originalLine + 1;
  const named = frame.functionName === '(anonymous)' ? declaredName(linesOf(source)[entry.originalLine] ?? '') : undefined;
  return { functionName: named ?? frame.functionName, url: `file://${source}`, line, column: entry.originalColumn };
};
