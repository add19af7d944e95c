import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { isDomainStream } from '@ssp/domain';
import type { CommandResult } from '@ssp/commands';
import { createInMemoryReadModelStore, comparePositions, type JsonObject, type Position, type RecordedEvent } from '@ssp/eventstore';
import { noticeEventTypes, type Notice } from '@ssp/notifications';
import {
  applicationSettingsProjection,
  auditTrailProjection,
  createProjectionRunner,
  mySettingsAndDevicesProjection,
  stepUpComplianceProjection,
  type Projection,
  type ProjectionRunner,
} from '@ssp/projections';
import { startHandlerProcess, startReactorProcess, type HandlerProcess, type ReactorProcess } from '../processes/fork';
import { openStore } from '../processes/open-store';
import { REACTOR_MAX_RETRY_COUNT, REACTOR_MESSAGE_TIMEOUT_MS, type ReactorReport, type StoreLocation } from '../processes/protocol';
import { openSharedDeliveries, type Delivery } from '../processes/shared-deliveries';
import { documentsOf, eventually, noticesCalledFor, outboxOf, readLog } from './checks';
import { commandsOf, idsOf, organisationOf, phoneNumber, userOf, type PortalUser } from './commands';
import { randomPlan } from './plan';

export const HANDLERS = 4;
const REACTORS = 2;
/** Users 0 to 4 take the random mix; user 5 is kept for the concurrent commands on one stream. */
const USERS = 6;
const PLAN_LENGTH = 40;
const WAVE = 8;

/** What a command was answered, by every process it was sent to. */
export type Sent = Readonly<{ command: JsonObject; results: readonly CommandResult[] }>;

export type RunOutcome = Readonly<{
  sent: readonly Sent[];
  /** Two users enrolling the same new number at once, on two processes. */
  claimRace: Readonly<{ phoneNumber: string; results: readonly CommandResult[] }>;
  /** One command sent to two processes at once. */
  sameCommand: Sent;
  /** Devices enrolled, then renamed, all at once on one user's stream, on every process. */
  oneStream: Readonly<{ user: PortalUser; enrolled: readonly CommandResult[]; renamed: readonly CommandResult[]; names: readonly string[] }>;
  /** The domain's part of the final log, this run's commands only (a real server may hold others'). */
  log: readonly RecordedEvent[];
  noticesCalledFor: readonly Notice[];
  deliveries: readonly Delivery[];
  sendAttempts: number;
  outboxes: ReadonlyMap<string, readonly string[]>;
  reactorReports: readonly (readonly ReactorReport[])[];
  killedReactors: number;
  /** Whether the first worker had killed itself right after a send, before recording it, by the time the run was midway. */
  crashedAfterSending: boolean;
  followed: Awaited<ReturnType<typeof documentsOf>>;
  rebuilt: Awaited<ReturnType<typeof documentsOf>>;
}>;

/** A projection with its document type hidden, so that the four can share one list. */
const runnable = <Doc extends object>(projection: Projection<Doc>) => ({
  name: projection.name,
  follow: (runner: ProjectionRunner) => runner.follow(projection),
  rebuild: (runner: ProjectionRunner) => runner.rebuild(projection),
});

const projections = [runnable(mySettingsAndDevicesProjection), runnable(applicationSettingsProjection), runnable(auditTrailProjection), runnable(stepUpComplianceProjection())];

/** The item at `index`, which the run's own constants guarantee. */
const nth = <A>(items: readonly A[], index: number): A => {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index} of ${items.length}`);
  return item;
};

const accepted = (command: JsonObject, result: CommandResult): void => {
  if (!result.ok) throw new Error(`${String(command['type'])} was refused while setting up: ${result.error.code}: ${result.error.message}`);
};

/**
 * One run: four handler processes and two reactor processes on the store at `location`, a
 * projection runner following it in this process, the organisation set up, the races and the
 * random mix sent, a reactor killed midway and another started; then everything the checks
 * need, read back from the store and the deliveries file.
 */
export const runScenario = async (location: StoreLocation, workDirectory: string, seed: number): Promise<RunOutcome> => {
  const ids = idsOf(randomUUID());
  const commands = commandsOf(ids);
  const org = organisationOf(ids);
  const users = Array.from({ length: USERS }, (_, index) => userOf(ids, index));
  const group = `notifications-${randomUUID()}`;
  const deliveriesPath = join(workDirectory, 'deliveries.sqlite');

  const opened = openStore(location);
  if (E.isLeft(opened)) throw new Error(opened.left);
  const { store, groups, close } = opened.right;
  // Created here, from the end of the log, before anything of this run happens: a real server's older history is not this run's to notify.
  const created = await groups.create(group, { startFrom: 'end', filter: { kind: 'eventType', types: [...noticeEventTypes] }, maxRetryCount: REACTOR_MAX_RETRY_COUNT, messageTimeoutMs: REACTOR_MESSAGE_TIMEOUT_MS })();
  if (E.isLeft(created)) throw new Error(`creating the group: ${JSON.stringify(created.left)}`);

  const followedModels = createInMemoryReadModelStore();
  const checkpoints = new Map<string, Position>();
  const runner = createProjectionRunner({ events: store, readModels: followedModels, onCommit: (projection, checkpoint) => checkpoints.set(projection, checkpoint) });
  const follows = projections.map((projection) => projection.follow(runner));

  const handlers: HandlerProcess[] = await Promise.all(Array.from({ length: HANDLERS }, () => startHandlerProcess(location)));
  // The first worker dies right after its first send, before recording it: the event goes back
  // to the group, another worker sends it again under the same idempotency key.
  const reactors: ReactorProcess[] = await Promise.all(
    Array.from({ length: REACTORS }, (_unused, index) => startReactorProcess(location, group, deliveriesPath, index === 0 ? { crashAfterSends: 1 } : {})),
  );
  const handler = (index: number): HandlerProcess => nth(handlers, index % HANDLERS);
  const sent: Sent[] = [];
  const send = async (command: JsonObject, ...to: readonly number[]): Promise<readonly CommandResult[]> => {
    const results = await Promise.all(to.map((index) => handler(index).send(command)));
    sent.push({ command, results });
    return results;
  };

  try {
    for (const command of commands.organisation(org)) accepted(command, nth(await send(command, 0), 0));
    await Promise.all(
      users.map(async (user) => {
        for (const command of commands.portalUser(org, user)) accepted(command, nth(await send(command, user.index), 0));
      }),
    );

    const claimed = phoneNumber(99);
    const [first, second] = [nth(users, 0), nth(users, 1)];
    const claimResults = (await Promise.all([send(commands.enrollMobile(first, 9, claimed), 1), send(commands.enrollMobile(second, 9, claimed), 2)])).flat();

    const sameCommand = commands.enrollTablet(nth(users, 4), 9);
    const sameResults = await send(sameCommand, 0, 3);

    const reserved = nth(users, 5);
    const enrolled = (await Promise.all([1, 2, 3].map((slot) => send(commands.enrollTablet(reserved, slot), slot)))).flat();
    const names = [0, 1, 2, 3].map((slot) => `Renamed on process ${slot}`);
    const renamed = (await Promise.all(names.map((name, slot) => send(commands.rename(reserved, slot, name), slot)))).flat();

    const plan = randomPlan(commands, users.slice(0, 5), HANDLERS, PLAN_LENGTH, seed);
    let killedReactors = 0;
    let crashedAfterSending = false;
    for (let start = 0; start < plan.length; start += WAVE) {
      if (start === WAVE * 2) {
        // Midway: the worker that crashed after sending is replaced, and the other is killed
        // whatever it holds (its unacknowledged events go to the others) and replaced too.
        crashedAfterSending = (await Promise.race([nth(reactors, 0).exited, Promise.resolve('running')])) === 'SIGKILL';
        await nth(reactors, 1).kill();
        killedReactors += 1;
        reactors.push(await startReactorProcess(location, group, deliveriesPath), await startReactorProcess(location, group, deliveriesPath));
      }
      await Promise.all(plan.slice(start, start + WAVE).map((step) => send(step.command, ...(step.alsoTo === undefined ? [step.handler] : [step.handler, step.alsoTo]))));
    }

    const ours = new Set(sent.map(({ command }) => command['commandId']));
    // The outbox's events carry the command id of their cause too: they are not the domain's.
    const domainLog = (await readLog(store)).filter((event) => isDomainStream(event.streamName) && ours.has(event.metadata['commandId']));
    const notices = await noticesCalledFor(store, domainLog);
    const deliveries = openSharedDeliveries(deliveriesPath);
    if (E.isLeft(deliveries)) throw new Error(deliveries.left);
    try {
      // Done when every notice is delivered and recorded sent: a worker that died after sending
      // left its notice delivered but not recorded, until another worker takes the event over.
      await eventually('every notice the log calls for is delivered and recorded sent', async () => {
        const delivered = new Set(deliveries.right.deliveries().map((delivery) => delivery.idempotencyKey));
        if (!notices.every((notice) => delivered.has(notice.noticeId))) return false;
        const outboxes = await Promise.all(notices.map((notice) => outboxOf(store, notice.noticeId)));
        return outboxes.every((types) => types.includes('NotificationSent'));
      });
      await Promise.all(reactors.map((reactor) => reactor.stop()));
      await Promise.all(handlers.map((process) => process.stop()));

      const head = (await readLog(store)).at(-1)?.position;
      await eventually('the runner has followed the log to its end', () =>
        projections.every((projection) => {
          const checkpoint = checkpoints.get(projection.name);
          return head === undefined || (checkpoint !== undefined && comparePositions(checkpoint, head) >= 0);
        }),
      );
      await Promise.all(follows.map((follow) => follow.stop()));
      const rebuiltModels = createInMemoryReadModelStore();
      const rebuilder = createProjectionRunner({ events: store, readModels: rebuiltModels });
      for (const projection of projections) {
        const rebuilt = await projection.rebuild(rebuilder)();
        if (E.isLeft(rebuilt)) throw new Error(`rebuilding ${projection.name}: ${JSON.stringify(rebuilt.left)}`);
      }

      const outboxes = new Map<string, readonly string[]>();
      for (const notice of notices) outboxes.set(notice.noticeId, await outboxOf(store, notice.noticeId));
      const projectionNames = projections.map((projection) => projection.name);
      return {
        sent,
        claimRace: { phoneNumber: claimed, results: claimResults },
        sameCommand: { command: sameCommand, results: sameResults },
        oneStream: { user: reserved, enrolled, renamed, names },
        log: domainLog,
        noticesCalledFor: notices,
        deliveries: deliveries.right.deliveries(),
        sendAttempts: deliveries.right.attempts(),
        outboxes,
        reactorReports: reactors.map((reactor) => reactor.reports()),
        killedReactors,
        crashedAfterSending,
        followed: await documentsOf(followedModels, projectionNames),
        rebuilt: await documentsOf(rebuiltModels, projectionNames),
      };
    } finally {
      deliveries.right.close();
    }
  } finally {
    await Promise.all([...handlers.map((process) => process.stop()), ...reactors.map((reactor) => reactor.stop())]);
    await Promise.all(follows.map((follow) => follow.stop()));
    await groups.delete(group)();
    await close();
  }
};
