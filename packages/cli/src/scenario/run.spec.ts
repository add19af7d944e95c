import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { createInMemoryEventStore } from '@ssp/eventstore';
import { seedStoryFile } from '../seed-story';
import { parseScenario, type ScenarioLine } from './parse';
import { runScenario } from './run';
import { seedStoryOutcomes as expectedOutcomes } from './seed-story-outcomes';

const root = join(__dirname, '..', '..', '..', '..');
const story = seedStoryFile;
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const main = join(root, 'packages', 'cli', 'src', 'main.ts');

const parsed = (text: string): readonly ScenarioLine[] => {
  const lines = parseScenario(text);
  if (E.isLeft(lines)) throw new Error(lines.left.message);
  return lines.right;
};

describe('the scenario runner', () => {
  it('given the seed story, when it runs in memory, then every command has the outcome the story tells', async () => {
    const steps = await runScenario(createInMemoryEventStore(), parsed(readFileSync(story, 'utf8')), () => undefined);
    const outcomes = steps.map((step) => (step.result.ok ? 'ok' : step.result.error.code));
    expect(outcomes).toEqual(expectedOutcomes);
  });

  it('given clock directives, when commands run, then their events carry the scenario time', async () => {
    const lines = parsed(
      [
        '{"$clock": "2026-11-28T10:00:00Z"}',
        '{"$advance": 90}',
        JSON.stringify({
          type: 'OpenAccount',
          commandId: 'c0000000-0000-4000-8000-000000000001',
          actor: { kind: 'system' },
          data: { accountId: '00000000-0000-4000-8000-000000000001', name: 'Acme', edition: 'BEYOND', ownerAdminId: '00000000-0000-4000-8000-000000000002' },
        }),
      ].join('\n'),
    );
    const [step] = await runScenario(createInMemoryEventStore(), lines, () => undefined);
    expect(step?.result.ok && step.result.events[0]?.metadata.occurredAt).toBe('2026-11-28T10:01:30.000Z');
  });

  it('given a line that is not JSON, when the file is parsed, then the error names the line', () => {
    const result = parseScenario('{"$clock": "2026-11-28T10:00:00Z"}\n\nnot json\n');
    expect(E.isLeft(result) && result.left).toMatchObject({ lineNumber: 3, message: expect.stringContaining('line 3 is not JSON') });
  });

  it('given a malformed directive, when the file is parsed, then it is refused', () => {
    expect(E.isLeft(parseScenario('{"$advance": "soon"}'))).toBe(true);
    expect(E.isLeft(parseScenario('{"$clock": "yesterday"}'))).toBe(true);
  });

  it.each([
    ['an advance past the last time a Date can hold', '{"$advance": 1e13}', 3],
    ['an advance past the year 9999', '{"$advance": 86400}', 3],
    ['a clock past the year 9999', '{"$clock": "+010000-01-01T00:00:00Z"}', 3],
  ])('given %s after a command, when the file is parsed, then it is refused with its line number before anything runs', (_case, directive, lineNumber) => {
    const command = '{"type": "CompleteStepUp", "commandId": "c0000000-0000-4000-8000-000000000001", "actor": {"kind": "authenticator"}, "data": {"sessionId": "00000000-0000-4000-8000-000000000001"}}';
    const result = parseScenario(['{"$clock": "9999-12-31T12:00:00Z"}', command, directive, command].join('\n'));
    expect(E.isLeft(result) && result.left).toMatchObject({ lineNumber, message: expect.stringMatching(new RegExp(`^line ${lineNumber}: \\$(advance|clock)`)) });
  });
});

describe('ssp run', () => {
  it('given the seed story, when run, then stdout holds exactly one JSON result line per command line', () => {
    const stdout = execFileSync(tsx, [main, 'run', story], { encoding: 'utf8' });
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(expectedOutcomes.length);
    const outcomes = lines.map((line) => {
      const result: { ok: boolean; error?: { code: string } } = JSON.parse(line);
      return result.ok ? 'ok' : result.error?.code;
    });
    expect(outcomes).toEqual(expectedOutcomes);
  });

  it('given a file with a broken line, when run, then it stops with a message naming the line and a non-zero exit, and prints nothing on stdout', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ssp-run-')), 'broken.jsonl');
    writeFileSync(file, '{"$clock": "2026-11-28T10:00:00Z"}\n{oops\n');
    const run = spawnSync(tsx, [main, 'run', file], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('line 2 is not JSON');
  });

  it('given a file whose third line advances the clock by 1e13 s, when run, then nothing runs: the error names line 3 and stdout is empty', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ssp-run-')), 'far-future.jsonl');
    const openAccount = '{"type": "OpenAccount", "commandId": "c0000000-0000-4000-8000-000000000001", "actor": {"kind": "system"}, "data": {"accountId": "00000000-0000-4000-8000-000000000001", "name": "Acme", "edition": "BEYOND", "ownerAdminId": "00000000-0000-4000-8000-000000000002"}}';
    writeFileSync(file, `{"$clock": "2026-11-28T10:00:00Z"}\n${openAccount}\n{"$advance": 1e13}\n`);
    const run = spawnSync(tsx, [main, 'run', file], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('line 3: $advance');
    expect(run.stderr).not.toContain('Invalid time value');
  });
});
