/**
 * One command-handler process of a measurement: opens the store, says `ready`, waits for `go`,
 * drives its share of users through `createCommandHandler`, and reports. Started by measure.ts.
 */
import { performance } from 'node:perf_hooks';
import { createCommandHandler } from '@ssp/commands';
import { benchClock } from '../clock';
import { countingConflicts } from './conflict-counter';
import { configOf, dieLoudly, nextFromParent, reportAndExit } from './processes';
import { openTarget } from './targets';
import { epochNow, Go, HandlerConfig, type HandlerReport } from './wire';
import { lanesOf, usersOfShare } from './workload';

const main = async (): Promise<void> => {
  const config = configOf(HandlerConfig);
  const opened = openTarget(config.target);
  const { store, conflicts } = countingConflicts(opened.store);
  // The fixed clock keeps the setup's step-ups fresh however long the run takes (see ../clock.ts).
  const handle = createCommandHandler({ store, clock: benchClock });
  const lanes = lanesOf(usersOfShare(config.share), config.sizes);
  const latenciesMs: number[] = [];
  const enrollments: HandlerReport['enrollments'][number][] = [];
  const failureSamples: string[] = [];
  let accepted = 0;
  let commands = 0;

  const sendAll = async (lane: readonly Parameters<typeof handle>[0][]): Promise<void> => {
    for (const command of lane) {
      const began = performance.now();
      const result = await handle(command);
      const appendedAt = epochNow();
      latenciesMs.push(performance.now() - began);
      commands += 1;
      if (!result.ok) {
        if (failureSamples.length < 3) failureSamples.push(`${result.error.code}: ${result.error.message}`);
        continue;
      }
      accepted += 1;
      for (const event of result.events) {
        const { eventId } = event.metadata;
        if (event.type === 'DeviceEnrolled' && typeof eventId === 'string') enrollments.push({ eventId, appendedAt });
      }
    }
  };

  process.send?.({ kind: 'ready' });
  await nextFromParent(Go);
  const startedAt = epochNow();
  await Promise.all(lanes.map(sendAll));
  const endedAt = epochNow();
  await opened.close();
  const report: HandlerReport = { commands, accepted, failureSamples, conflicts: conflicts(), startedAt, endedAt, latenciesMs, enrollments };
  reportAndExit({ kind: 'done', report });
};

main().catch(dieLoudly);
