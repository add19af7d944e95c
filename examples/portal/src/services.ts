/**
 * The services every route of the portal uses, pages and JSON API alike. Members:
 *
 * - `execute(command)`: the one way to change anything. Sends the command to the command
 *   handler (`@ssp/commands`) with a fresh `commandId` unless one is given, and when it is
 *   accepted waits (at most `settleBoundMs`) until every read model has applied its events,
 *   so that a page rendered next shows its effect. The caller builds the actor from the
 *   authenticated session, never from the request.
 * - `handle`: the command handler itself, for a caller that settles on its own.
 * - `settle(events)`: the bounded wait of `execute`, for the events of any accepted command.
 * - `queries`: the read models (devices, application settings, the account directory, portal
 *   sessions), kept current by the projection runner that follows the store in this process.
 * - `history()`: the whole history read and decoded, for the auditor's pure functions
 *   (`timeline`, `complianceReport`, `verifyHistory` of `@ssp/projections`).
 * - `notices`: the security notices delivered by the notification worker this process runs
 *   (`@ssp/notifications`, a competing consumer of the store's group `portal-notifications`),
 *   for the simulated phones and the administrators' inbox.
 * - `events`: the event store; `countEvents()` counts the domain's events it holds (tests check
 *   that a refused request appended nothing; the notifications' outbox, which the worker
 *   writes in its own time, is not counted).
 * - `clock()` and `newId()`: the server's time (ISO 8601 UTC) and ids (UUIDs). Nothing from a
 *   form or a body ever stands in for them. `policy`: the domain's policy the handler applies.
 * - `close()`: stops the worker and the following, and closes the stores.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import { pipe } from 'fp-ts/function';
import { createCommandHandler, type AppendedEvent, type CommandHandler, type CommandResult } from '@ssp/commands';
import { DOMAIN_CATEGORIES, defaultPolicy, type Actor, type CommandType, type Policy } from '@ssp/domain';
import { comparePositions, pagesAfter, type EventStore, type Position, type RecordedEvent, type StoreError } from '@ssp/eventstore';
import { decodeHistory, readHistory, type ProjectionError } from '@ssp/projections';
import { startNotifications, type PortalNotices } from './notifications/notifications';
import { startReadSide } from './read-side/read-side';
import type { Settled } from './read-side/projection-progress';
import { createPortalQueries, type PortalQueries } from './read-side/queries';
import type { PortalStores } from './stores/open-stores';

/** A command as a route sends it: the actor is the server's, from the authenticated session. */
export type PortalCommand = Readonly<{
  type: CommandType;
  actor: Actor;
  data: Readonly<Record<string, unknown>>;
  /** The idempotency key; a fresh UUID when absent. */
  commandId?: string;
}>;

/** History as stored (for `verifyHistory`) and decoded (for the other audit functions). */
export type DecodedHistory = ReturnType<typeof decodeHistory> & Readonly<{ recorded: readonly RecordedEvent[] }>;

export type PortalServices = Readonly<{
  execute: (command: PortalCommand) => Promise<CommandResult>;
  handle: CommandHandler;
  settle: (events: readonly AppendedEvent[]) => Promise<Settled>;
  queries: PortalQueries;
  notices: PortalNotices;
  history: () => TE.TaskEither<StoreError, DecodedHistory>;
  events: EventStore;
  countEvents: () => TE.TaskEither<StoreError, number>;
  clock: () => string;
  newId: () => string;
  policy: Policy;
  close: () => Promise<void>;
}>;

export type PortalServicesOptions = Readonly<{
  stores: PortalStores;
  clock?: () => string;
  newId?: () => string;
  policy?: Policy;
  /** The longest a request waits for the read models after a command. Default 2 s. */
  settleBoundMs?: number;
  /** Told when a projection stops on an error (an event it cannot read, a store failing). */
  onProjectionStopped?: (error: ProjectionError) => void;
  /**
   * Where the notification group starts when this process creates it: by default `start` on
   * an empty store (the seeded organisation's notices show), `end` on one with history.
   */
  notifyFrom?: 'start' | 'end';
  /** Told when the notification worker stops on an error (the group dropped it, the store failed). */
  onNotificationsStopped?: (error: StoreError) => void;
}>;

/** Where each appended event landed in the global order: the store's answer, read back. */
const positionsOf = (store: EventStore, events: readonly AppendedEvent[]): TE.TaskEither<StoreError, readonly Position[]> =>
  pipe(
    events,
    TE.traverseArray((event) => pipe(store.readStream(event.streamName, { fromRevision: BigInt(event.revision), maxCount: 1 }), TE.map((read) => read[0]?.position))),
    TE.map((positions) => positions.filter((position): position is Position => position !== undefined)),
  );

const latest = (positions: readonly Position[]): Position | undefined =>
  positions.reduce<Position | undefined>((last, position) => (last === undefined || comparePositions(position, last) > 0 ? position : last), undefined);

const countDomainEvents = (store: EventStore): TE.TaskEither<StoreError, number> => async () => {
  let count = 0;
  for await (const page of pagesAfter(store, 'start', 1000, { kind: 'streamCategory', categories: DOMAIN_CATEGORIES })) {
    if (E.isLeft(page)) return page;
    count += page.right.length;
  }
  return E.right(count);
};

export const createPortalServices = async (options: PortalServicesOptions): Promise<E.Either<StoreError, PortalServices>> => {
  const { stores } = options;
  const clock = options.clock ?? (() => new Date().toISOString());
  const newId = options.newId ?? randomUUID;
  const policy = options.policy ?? defaultPolicy;
  const settleBoundMs = options.settleBoundMs ?? 2_000;
  const handle = createCommandHandler({ store: stores.events, clock, newId, policy });

  const readSide = await startReadSide(stores, options.onProjectionStopped);
  if (E.isLeft(readSide)) return readSide;
  const { progress } = readSide.right;

  const notifications = await startNotifications({
    events: stores.events,
    groups: stores.groups,
    now: clock,
    ...(options.notifyFrom === undefined ? {} : { startFrom: options.notifyFrom }),
    ...(options.onNotificationsStopped === undefined ? {} : { onStopped: options.onNotificationsStopped }),
  });
  if (E.isLeft(notifications)) {
    await readSide.right.stop();
    return notifications;
  }

  const settle = async (events: readonly AppendedEvent[]): Promise<Settled> => {
    if (events.length === 0) return 'reached';
    const positions = await positionsOf(stores.events, events)();
    const target = E.isRight(positions) ? latest(positions.right) : undefined;
    return target === undefined ? 'timed-out' : progress.reached(target, settleBoundMs);
  };

  const execute = async (command: PortalCommand): Promise<CommandResult> => {
    const result = await handle({ ...command, commandId: command.commandId ?? newId() });
    if (result.ok) await settle(result.events);
    return result;
  };

  return E.right({
    execute,
    handle,
    settle,
    queries: createPortalQueries(stores.readModels),
    notices: notifications.right.notices,
    history: () => pipe(readHistory(stores.events), TE.map((recorded) => ({ recorded, ...decodeHistory(recorded) }))),
    events: stores.events,
    countEvents: () => countDomainEvents(stores.events),
    clock,
    newId,
    policy,
    close: async () => {
      await notifications.right.close();
      await readSide.right.stop();
      await stores.close();
    },
  });
};
