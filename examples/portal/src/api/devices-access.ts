import * as TE from 'fp-ts/TaskEither';
import { pipe } from 'fp-ts/function';
import type { AppendedEvent } from '@ssp/commands';
import { streams } from '@ssp/domain';
import type { RecordedEvent } from '@ssp/eventstore';
import type { MySettingsAndDevices } from '@ssp/projections';
import type { FastifyRequest } from 'fastify';
import type { PortalCommand, PortalServices } from '../services';
import { runCommand } from './command';
import { checkIfMatch, etagOf } from './devices-etag';
import { storeProblem } from './principal';
import { problemOf, type Problem } from './problem';

export type DevicesRead = Readonly<{ devices: MySettingsAndDevices; etag: string }>;
export type DevicesChanged = Readonly<{ events: readonly AppendedEvent[]; etag: string }>;

const userNotFound = (): Problem => problemOf('NOT_FOUND', 'user not found');

/** The last event of the user's devices stream: its revision is the ETag. */
const lastDevicesEvent = (services: PortalServices, userId: string): TE.TaskEither<Problem, RecordedEvent> =>
  pipe(
    services.events.readStream(streams.userDevices(userId)),
    TE.mapLeft(storeProblem),
    TE.chain((events) => {
      const last = events[events.length - 1];
      return last === undefined ? TE.left(userNotFound()) : TE.right(last);
    }),
  );

const asAppended = (event: RecordedEvent): AppendedEvent => ({
  streamName: event.streamName,
  revision: Number(event.revision),
  type: event.type,
  data: event.data,
  metadata: event.metadata,
});

/**
 * A user's devices with their ETag. The revision is read from the store first, then the read
 * model is awaited until it holds that revision, so the body is never older than its ETag
 * (it may be newer, in which case a change sent with this ETag is answered 412 and the client
 * reads again: the safe side). A read model that stays behind past the services' bound is
 * answered 503: the store is fine but what it shows is not ready.
 */
export const readDevices = (services: PortalServices, userId: string): TE.TaskEither<Problem, DevicesRead> =>
  pipe(
    lastDevicesEvent(services, userId),
    TE.chain((last) =>
      pipe(
        TE.fromTask(() => services.settle([asAppended(last)])),
        TE.chain((settled) =>
          settled === 'reached'
            ? pipe(services.queries.devicesOf(userId), TE.mapLeft(storeProblem))
            : TE.left(problemOf('STORE_UNAVAILABLE', 'the read models are behind the store; try again in a moment')),
        ),
        TE.chain((devices) => (devices === undefined ? TE.left(userNotFound()) : TE.right({ devices, etag: etagOf(last.revision) }))),
      ),
    ),
  );

export type DevicesChange = Readonly<{
  userId: string;
  /**
   * Whether the caller may see the devices, and so have their ETag compared. A user who has
   * not completed a step-up may not: comparing would tell them, 412 or not, how often the
   * devices changed. Their If-Match is required but not compared; the only change the domain
   * lets them make is a first device, allowed only while they have none, so no change of
   * theirs can overwrite one they did not see.
   */
  compareEtag: boolean;
  command: Omit<PortalCommand, 'commandId'>;
}>;

/**
 * A change to a user's devices, guarded by If-Match (required: see `checkIfMatch`). The
 * check and the command's append are two steps, not one: a change by another process or page
 * in the milliseconds between them is not caught by the ETag. It is still decided on fresh
 * state by the handler's own optimistic concurrency, so no rule is bypassed; only the client's
 * idea of the devices may be that much older. Answers the ETag after the change.
 */
export const changeDevices = (services: PortalServices, request: FastifyRequest, change: DevicesChange): TE.TaskEither<Problem, DevicesChanged> => {
  const ifMatch = request.headers['if-match'];
  return pipe(
    lastDevicesEvent(services, change.userId),
    TE.chain((current) => {
      const problem = change.compareEtag ? checkIfMatch(ifMatch, current.revision) : checkIfMatch(ifMatch === undefined ? undefined : '*', current.revision);
      return problem === undefined ? TE.right(current) : TE.left(problem);
    }),
    TE.chain((current) =>
      pipe(
        runCommand(services, request, change.command),
        TE.map((events) => {
          const stream = streams.userDevices(change.userId);
          const ownLast = events.filter((event) => event.streamName === stream).at(-1);
          return { events, etag: etagOf(ownLast?.revision ?? current.revision) };
        }),
      ),
    ),
  );
};
