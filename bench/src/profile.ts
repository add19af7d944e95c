import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from './wire';

/** Where a function of a profile is: its name, script and line (1-based) and column (0-based). */
export type Frame = Readonly<{ functionName: string; url: string; line: number; column: number }>;

/** One entry of a CPU profile's self time: a function, where it is, and the time spent in it alone. */
export type ProfileEntry = Omit<Frame, 'column'> & Readonly<{ selfMs: number; percent: number }>;

type Fields = Readonly<Record<string, unknown>>;
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const numbers = (value: unknown): number[] => (Array.isArray(value) ? value.filter((n): n is number => typeof n === 'number') : []);
const text = (fields: Fields, name: string): string => (typeof fields[name] === 'string' ? String(fields[name]) : '');

const position = (frame: Fields, name: string): number => {
  const value = frame[name];
  return typeof value === 'number' ? value : 0;
};

/**
 * Self time per function of a `.cpuprofile` (V8's format): each sample is charged to its node
 * with the time delta that follows it, and nodes are summed by function name, script and line,
 * so that one function reached along many stacks is one entry. `locate` may move a frame to
 * where it is in the source (tsx's output keeps neither the lines nor the names of arrow
 * functions; its source maps do).
 */
export const topSelfTime = (profile: unknown, count: number, locate: (frame: Frame) => Frame = (frame) => frame): ProfileEntry[] => {
  if (!isFields(profile) || !Array.isArray(profile.nodes)) return [];
  const frameOf = new Map<number, Frame>();
  for (const node of profile.nodes) {
    if (!isFields(node) || typeof node.id !== 'number' || !isFields(node.callFrame)) continue;
    const frame = node.callFrame;
    const line = position(frame, 'lineNumber') + 1;
    frameOf.set(node.id, locate({ functionName: text(frame, 'functionName') || '(anonymous)', url: text(frame, 'url'), line, column: position(frame, 'columnNumber') }));
  }
  const samples = numbers(profile.samples);
  const deltas = numbers(profile.timeDeltas);
  const selfUs = new Map<string, Readonly<{ frame: Frame; us: number }>>();
  let totalUs = 0;
  samples.forEach((id, i) => {
    const frame = frameOf.get(id);
    // The delta before the next sample is the time this one stood for.
    const delta = deltas[i + 1] ?? 0;
    totalUs += delta;
    if (frame === undefined) return;
    const key = JSON.stringify([frame.functionName, frame.url, frame.line]);
    selfUs.set(key, { frame, us: (selfUs.get(key)?.us ?? 0) + delta });
  });
  return [...selfUs.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map(({ frame: { functionName, url, line }, us }) => ({
      functionName,
      url: url.replace(/^file:\/\//, ''),
      line,
      selfMs: us / 1000,
      percent: totalUs === 0 ? 0 : (100 * us) / totalUs,
    }));
};

/** The profile `node --cpu-prof --cpu-prof-dir=<directory>` wrote. */
export const readProfile = (directory: string): unknown => {
  const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`no .cpuprofile in ${directory}`);
  return parseJson(readFileSync(join(directory, file), 'utf8'));
};

/** A path shortened to the repository (or to the package inside node_modules) for the table. */
export const shortPath = (url: string, root: string): string => {
  const inModules = url.lastIndexOf('node_modules/');
  if (inModules >= 0) return url.slice(inModules + 'node_modules/'.length).replace(/^\.pnpm\/[^/]+\/node_modules\//, '');
  return url.startsWith(root) ? url.slice(root.length + 1) : url;
};
