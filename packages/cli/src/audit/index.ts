import type { Command } from 'commander';
import { storeSpecHelp } from '../stores';
import { registerAsOf } from './as-of-commands';
import { registerCompliance } from './compliance-command';
import { registerKeys } from './keys-command';
import { registerProve } from './prove-command';
import { registerSeal } from './seal-command';
import { registerTimeline } from './timeline-command';
import { registerVerify } from './verify-command';

/**
 * `audit …`: the auditor's questions, answered from history alone. Nothing here writes to the
 * store (`keys` and `seal` write their own files, which belong outside it): every command that
 * reads one opens it read-only (a SQLite file is never created, migrated or
 * written, so a store the auditor may not write still reads), reads the whole history once,
 * then answers with pure functions over it.
 */
export const registerAuditCommands = (program: Command): void => {
  const audit = program.command('audit').description('replay history as an auditor: timelines, state as of a time, step-up compliance, tamper evidence, signed seals');
  const storeOption: [string, string] = ['--store <spec>', `the event store: ${storeSpecHelp}`];
  registerTimeline(audit, storeOption);
  registerAsOf(audit, storeOption);
  registerCompliance(audit, storeOption);
  registerVerify(audit, storeOption);
  registerKeys(audit);
  registerSeal(audit, storeOption);
  registerProve(audit, storeOption);
};
