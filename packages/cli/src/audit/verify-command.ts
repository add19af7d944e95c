import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import { verifyAgainstSeals, verifyHistory, type LogChainReport, type LogHeadRecord, type TamperFinding } from '@ssp/projections';
import { checkSqliteIntegrity, describeOpenError, openSqliteDatabase, readSqliteLogHead } from '@ssp/sqlite';
import { userPath } from '../stores';
import { loadHistory } from './history';
import { printJson, printLines } from './output';
import { createProgress } from './progress';
import { sealReportLines } from './seal-report';
import { loadPublicKey, loadSeals } from './seal-inputs';

type Options = Readonly<{ store: string; json?: boolean; seal?: readonly string[]; publicKey?: string }>;

/** What the store's own integrity check found; only SQLite files have one (memory and EventStoreDB do not). */
type StoreIntegrity = Readonly<{ checked: false }> | Readonly<{ checked: true; ok: boolean; problems: readonly string[] }>;

const SQLITE_PREFIX = 'sqlite:';

/**
 * SQLite's integrity check on the file the `--store` option names, on a connection of its own,
 * opened read-only as every audit command opens the store. The chain speaks for the events;
 * this speaks for the file, read models and checkpoints included, which no chain covers.
 */
const checkStoreIntegrity = (spec: string): E.Either<string, StoreIntegrity> => {
  if (!spec.startsWith(SQLITE_PREFIX)) return E.right({ checked: false });
  const path = userPath(spec.slice(SQLITE_PREFIX.length));
  const opened = openSqliteDatabase({ path, readOnly: true });
  if (E.isLeft(opened)) return E.left(`cannot open ${path} to check its integrity: ${describeOpenError(opened.left)}`);
  const problems = checkSqliteIntegrity(opened.right);
  opened.right.close();
  if (E.isLeft(problems)) return E.left(`cannot check the integrity of ${path}: ${describeOpenError(problems.left)}`);
  return E.right({ checked: true, ok: problems.right.length === 0, problems: problems.right });
};

/** The head of the global chain a SQLite store recorded beside its events; other stores keep none. */
const storeLogHead = (spec: string): E.Either<string, LogHeadRecord | undefined> => {
  if (!spec.startsWith(SQLITE_PREFIX)) return E.right(undefined);
  const path = userPath(spec.slice(SQLITE_PREFIX.length));
  const opened = openSqliteDatabase({ path, readOnly: true });
  if (E.isLeft(opened)) return E.left(`cannot open ${path} to read the head of its global chain: ${describeOpenError(opened.left)}`);
  const head = readSqliteLogHead(opened.right);
  opened.right.close();
  return E.isLeft(head) ? E.left(`cannot read the head of the global chain of ${path}: ${describeOpenError(head.left)}`) : E.right(head.right);
};

const logLine = (log: LogChainReport): string => {
  const before = log.before === 0 ? '' : ` (the ${log.before} events before it were written before the store kept the chain)`;
  switch (log.status) {
    case 'INTACT':
      return `global chain intact: ${log.chained} events, each linked to the one before it in the log${before}`;
    case 'BROKEN':
      return `global chain BROKEN${log.finding === undefined ? '' : ` at ${log.finding.streamName}@${log.finding.revision}`}${before}`;
    case 'NOT_KEPT':
      return 'global chain not kept by this store (EventStoreDB orders the log in the cluster): order across streams and removed streams show only against seals';
  }
};

/** Problems shown in the text output; `--json` carries them all. */
const PROBLEMS_SHOWN = 3;

const damagedLine = (problems: readonly string[]): string => {
  const more = problems.length - PROBLEMS_SHOWN;
  return `store damaged: ${problems.slice(0, PROBLEMS_SHOWN).join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`;
};

const integrityLine = (integrity: StoreIntegrity): string | undefined => {
  if (!integrity.checked) return undefined;
  return integrity.ok ? "store file sound: SQLite's integrity check finds no damage" : damagedLine(integrity.problems);
};

/**
 * A history that cannot be read may lie in a damaged file: the auditor is then told so in
 * the words of the integrity check, before the reader's own error.
 */
const unreadableHistory = (spec: string, error: unknown): Error => {
  const message = error instanceof Error ? error.message : String(error);
  const integrity = checkStoreIntegrity(spec);
  if (E.isLeft(integrity) || !integrity.right.checked || integrity.right.ok) return new Error(message);
  return new Error(`${damagedLine(integrity.right.problems)}\n${message}`);
};

/** One finding as a sentence: what happened, to which event (stream, revision, id, global position, time), and how it shows. */
const findingLine = (finding: TamperFinding): string =>
  `${finding.kind}${finding.chain === 'LOG' ? ' (global chain)' : ''}: ${finding.streamName}@${finding.revision} (event ${finding.eventId}, position ${finding.position}, ${finding.occurredAt ?? 'no time recorded'}): ${finding.detail}`;

export const registerVerify = (audit: Command, storeOption: [string, string]): void => {
  audit
    .command('verify')
    .description('has anything in the history been altered, removed, inserted or reordered since it was written (or since it was sealed)? is the store file itself undamaged?')
    .requiredOption(...storeOption)
    .option('--seal <file...>', 'seal files (from `ssp audit seal`): prove the history up to each is exactly what was sealed')
    .option('--public-key <file>', 'the public key that checks the seals (seal-key.pub.pem)')
    .option('--json', 'machine-readable output (includes each stream\'s seal: length and last hash; and the store file\'s integrity)')
    .action(async (options: Options) => {
      const sealFiles = options.seal ?? [];
      if (sealFiles.length > 0 && options.publicKey === undefined) throw new Error('--seal needs --public-key <file>: a seal proves nothing without the key that checks it');
      if (sealFiles.length === 0 && options.publicKey !== undefined) throw new Error('--public-key is for checking seals: give them with --seal <file…>');
      // Seal files and key are read first: a bad one is named before the store is read.
      const seals = loadSeals(sealFiles);
      const publicKey = options.publicKey === undefined ? undefined : loadPublicKey(options.publicKey);
      const progress = createProgress();
      // The head is read before and after the history: a store written meanwhile (verify on a
      // live file) has a head that moved, and the comparison would prove nothing either way. A
      // head that cannot be read is left out: a damaged file is reported by the integrity check.
      const headBefore = storeLogHead(options.store);
      const history = await loadHistory(options.store, progress).catch((error: unknown) => {
        throw unreadableHistory(options.store, error);
      });
      const headAfter = storeLogHead(options.store);
      const logHead = E.isRight(headBefore) && E.isRight(headAfter) && headBefore.right?.hash === headAfter.right?.hash ? headAfter.right : undefined;
      const report = verifyHistory(history, { onProgress: progress.phase('checking hashes', history.length), logHead });
      const sealed = publicKey === undefined ? undefined : verifyAgainstSeals(history, seals, publicKey, progress.phase('checking seals', history.length));
      progress.stop();
      const checked = checkStoreIntegrity(options.store);
      if (E.isLeft(checked)) throw new Error(checked.left);
      const storeIntegrity = checked.right;
      const damaged = storeIntegrity.checked && !storeIntegrity.ok;
      if (!report.intact || sealed?.intact === false || damaged) process.exitCode = 1;
      if (options.json === true) return printJson(sealed === undefined ? { ...report, storeIntegrity } : { ...report, storeIntegrity, signedSeals: sealed });
      printLines([...report.findings, ...(report.log.finding === undefined ? [] : [report.log.finding])].map(findingLine));
      process.stdout.write(`${logLine(report.log)}\n`);
      process.stdout.write(
        report.intact
          ? `history intact: ${report.events} events in ${report.streams} streams, every hash and link checks out\n`
          : `history ALTERED: ${report.findings.length} of ${report.streams} streams broken${report.log.status === 'BROKEN' ? ', and the global chain' : ''} (${report.events} events checked)\n`,
      );
      const integrity = integrityLine(storeIntegrity);
      if (integrity !== undefined) process.stdout.write(`${integrity}\n`);
      if (sealed === undefined) return;
      printLines(sealReportLines(sealed));
      process.stdout.write(
        sealed.intact
          ? `seals hold: the history up to the last seal is exactly what was sealed\n`
          : `seals BROKEN: the history is not what was sealed (see above)\n`,
      );
    });
};
