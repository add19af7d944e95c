import type { Command } from 'commander';
import { maskPhoneNumber } from '@ssp/domain';
import { applicationAsOf, describeWho, devicesAsOf } from '@ssp/projections';
import { loadDecodedHistory, warnUnreadable } from './history';
import { parseAsOf, parseId, printJson, printLines } from './output';
import { createProgress } from './progress';

type Options = Readonly<{ store: string; asOf: string; json?: boolean }>;

export const registerAsOf = (audit: Command, storeOption: [string, string]): void => {
  audit
    .command('devices')
    .description("a user's devices as they were at a moment in the past")
    .requiredOption(...storeOption)
    .requiredOption('--user <id>', 'a user id', parseId)
    .requiredOption('--as-of <time>', 'an ISO 8601 time, e.g. 2026-11-28T10:00:00Z')
    .option('--json', 'machine-readable output')
    .action(async (options: Options & Readonly<{ user: string }>) => {
      const asOf = parseAsOf(options.asOf);
      const { events, unreadable } = await loadDecodedHistory(options.store, createProgress());
      warnUnreadable(unreadable);
      const state = devicesAsOf(events, options.user, asOf);
      if (options.json === true) return printJson({ userId: options.user, asOf, state });
      if (state.status === 'NONE') return printLines([`user ${options.user} was not registered at ${asOf}`]);
      const lines = [
        ...state.phones.map((phone) => {
          const isDefault = state.defaultDevice?.deviceId === phone.deviceId ? `, default (${state.defaultDevice.loginAction})` : '';
          const number = phone.phoneNumber === undefined ? '' : ` ${maskPhoneNumber(phone.phoneNumber)}`;
          return `phone ${phone.deviceId} "${phone.name}" ${phone.kind} ${phone.platform}${number}, Duo Mobile ${phone.duoMobileActivated ? 'activated' : 'not activated'}${isDefault}`;
        }),
        ...state.tokens.map((token) => `hardware token ${token.tokenId} ${token.tokenType} serial ${token.serial}`),
      ];
      printLines(lines);
      process.stdout.write(`user ${state.username} (${state.userId}) had ${state.phones.length} phones and ${state.tokens.length} hardware tokens at ${asOf}\n`);
    });

  audit
    .command('application')
    .description("an application's self-service setting, and whether it was in effect, at a moment in the past")
    .requiredOption(...storeOption)
    .requiredOption('--application <id>', 'an application id', parseId)
    .requiredOption('--as-of <time>', 'an ISO 8601 time')
    .option('--json', 'machine-readable output')
    .action(async (options: Options & Readonly<{ application: string }>) => {
      const asOf = parseAsOf(options.asOf);
      const { events, unreadable } = await loadDecodedHistory(options.store, createProgress());
      warnUnreadable(unreadable);
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
