import type { Command } from 'commander';
import { applicationAsOf, compareDevices, describeWho, devicesAsOf, selfServiceHistory } from '@ssp/projections';
import { devicesLines, differenceLines, settingLines } from './as-of-output';
import { loadDecodedHistory, warnUnreadable } from './history';
import { parseId, printJson, printLines } from './output';
import { createProgress } from './progress';
import { parseUtcTime } from './report-options';

type Options = Readonly<{ store: string; asOf: string; json?: boolean }>;

export const registerAsOf = (audit: Command, storeOption: [string, string]): void => {
  audit
    .command('devices')
    .description("a user's devices as they were at a moment in the past, and what changed by a later one")
    .requiredOption(...storeOption)
    .requiredOption('--user <id>', 'a user id', parseId)
    .requiredOption('--as-of <time>', 'an ISO 8601 UTC time, e.g. 2026-11-28T10:00:00Z', parseUtcTime)
    .option('--compare <time>', 'a later ISO 8601 UTC time: also what was added, removed or changed by then, and by whom', parseUtcTime)
    .option('--json', 'machine-readable output')
    .action(async (options: Options & Readonly<{ user: string; compare?: string }>) => {
      const { asOf, compare } = options;
      if (compare !== undefined && Date.parse(compare) <= Date.parse(asOf)) throw new Error(`--compare (${compare}) must be after --as-of (${asOf})`);
      const { events, unreadable } = await loadDecodedHistory(options.store, createProgress());
      warnUnreadable(unreadable);
      if (compare !== undefined) {
        const compared = compareDevices(events, options.user, asOf, compare);
        return options.json === true ? printJson(compared) : printLines(differenceLines(compared));
      }
      const state = devicesAsOf(events, options.user, asOf);
      if (options.json === true) return printJson({ userId: options.user, asOf, state });
      printLines(devicesLines(options.user, asOf, state));
    });

  audit
    .command('application')
    .description("an application's self-service setting, and whether it was in effect, at a moment in the past, or every change of it")
    .requiredOption(...storeOption)
    .requiredOption('--application <id>', 'an application id', parseId)
    .option('--as-of <time>', 'an ISO 8601 UTC time', parseUtcTime)
    .option('--history', 'every time the setting was turned on or off, by whom and with which role')
    .option('--json', 'machine-readable output')
    .action(async (options: Partial<Options> & Readonly<{ store: string; application: string; history?: boolean }>) => {
      const { asOf } = options;
      if ((asOf === undefined) === (options.history !== true)) throw new Error('give one of --as-of <time> or --history');
      const { events, unreadable } = await loadDecodedHistory(options.store, createProgress());
      warnUnreadable(unreadable);
      if (asOf === undefined) {
        const settings = selfServiceHistory(events, options.application);
        return options.json === true ? printJson(settings) : printLines(settingLines(settings));
      }
      const answer = applicationAsOf(events, options.application, asOf);
      if (options.json === true) return printJson({ applicationId: options.application, asOf, ...answer });
      if (answer.application.status === 'NONE') return printLines([`application ${options.application} was not registered at ${asOf}`]);
      const status = answer.selfService.status === 'SUSPENDED' ? `SUSPENDED (${answer.selfService.reason})` : answer.selfService.status;
      const change = answer.lastSettingChange;
      printLines([
        `application "${answer.application.name}" (${answer.application.applicationType}) at ${asOf}: self-service ${status}`,
        change === undefined ? 'self-service was never turned on or off before then' : `last ${change.type} at ${change.occurredAt} by ${describeWho(change.who)}`,
      ]);
    });
};
