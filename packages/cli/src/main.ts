#!/usr/bin/env node
import { readFileSync, rmSync } from 'node:fs';
import { extname } from 'node:path';
import { Command } from 'commander';
import * as E from 'fp-ts/Either';
import { registerAuditCommands } from './audit';
import { describeDevices, loadUserDevices } from './devices';
import { parseScenario, type ScenarioLine } from './scenario/parse';
import { resultLine, runScenario } from './scenario/run';
import { storyOf } from './scenario/story';
import { seedStoryFile } from './seed-story';
import { openStore, storeSpecHelp, userPath } from './stores';

const fail = (message: string): never => {
  process.stderr.write(`ssp: ${message}\n`);
  process.exit(1);
};

const readScenario = (file: string): readonly ScenarioLine[] => {
  let text = '';
  try {
    text = readFileSync(userPath(file), 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseScenario(text);
  return E.isLeft(parsed) ? fail(`${file}: ${parsed.left.message}`) : parsed.right;
};

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fieldOf = (value: unknown, key: string): unknown => (isRecord(value) ? value[key] : undefined);

/** The account the story opens first, for the auditor's hint. */
const accountOf = (lines: readonly ScenarioLine[]): string | undefined => {
  for (const line of lines) {
    if (line.kind === 'command' && fieldOf(line.command, 'type') === 'OpenAccount') {
      const id = fieldOf(fieldOf(line.command, 'data'), 'accountId');
      if (typeof id === 'string') return id;
    }
  }
  return undefined;
};

const demoStore = 'sqlite:.data/demo.sqlite';

/** How to run this command again: from the workspace's sources, or as the installed package. */
const sspCommand = extname(__filename) === '.ts' ? 'pnpm ssp' : 'npx @ssp/cli';

const program = new Command('ssp')
  .description('Self-service portal for authentication devices: run scenarios, replay and audit history')
  .showHelpAfterError();

program
  .command('run')
  .description('run a JSON Lines scenario: one JSON result line per command on stdout')
  .argument('<file>', 'scenario file (.jsonl)')
  .option('--store <spec>', storeSpecHelp, 'memory')
  .action(async (file: string, options: { store: string }) => {
    const lines = readScenario(file);
    const store = await openStore(options.store);
    await runScenario(store, lines, (step) => process.stdout.write(`${resultLine(step.result)}\n`));
    await store.close();
  });

program
  .command('demo')
  .description("tell the seed's story: an administrator enables self-service, a user manages their devices, and every invariant refuses an attempt")
  .option('--store <spec>', `${storeSpecHelp}; the default file is started afresh`, demoStore)
  .option('--scenario <file>', 'the story to tell', seedStoryFile)
  .action(async (options: { store: string; scenario: string }) => {
    if (options.store === demoStore) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(userPath(`.data/demo.sqlite${suffix}`), { force: true });
    }
    const lines = readScenario(options.scenario);
    const store = await openStore(options.store);
    const colour = process.stdout.isTTY === true;
    process.stdout.write('Self-service portal: the story of one organisation\n\n');
    const steps = await runScenario(store, lines, (step) => process.stdout.write(`${storyOf(step, colour)}\n`));
    const accepted = steps.filter((step) => step.result.ok).length;
    process.stdout.write(`\n${accepted} commands accepted, ${steps.length - accepted} refused.\n`);
    const users = lines.flatMap((line) => {
      if (line.kind !== 'command' || fieldOf(line.command, 'type') !== 'RegisterUser') return [];
      const data = fieldOf(line.command, 'data');
      const userId = fieldOf(data, 'userId');
      const username = fieldOf(data, 'username');
      return typeof userId === 'string' && typeof username === 'string' ? [{ userId, username }] : [];
    });
    for (const { userId, username } of users) {
      const devices = await loadUserDevices(store, userId);
      process.stdout.write(`\nMy Settings & Devices — ${username}\n`);
      for (const line of E.isLeft(devices) ? [devices.left] : describeDevices(devices.right)) process.stdout.write(`  ${line}\n`);
    }
    const account = accountOf(lines);
    if (options.store.startsWith('sqlite:') && account !== undefined) {
      process.stdout.write(`\nThe history is kept in ${options.store.slice('sqlite:'.length)}. Replay it as an auditor would:\n`);
      process.stdout.write(`  ${sspCommand} audit timeline --store ${options.store} --account ${account}\n  ${sspCommand} audit verify --store ${options.store}\n`);
    }
    await store.close();
  });

registerAuditCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
