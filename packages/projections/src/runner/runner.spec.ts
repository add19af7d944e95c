import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import * as TE from 'fp-ts/TaskEither';
import { createInMemoryEventStore, createInMemoryReadModelStore, type EventStore, type Position, type ReadModelStore } from '@ssp/eventstore';
import { mySettingsAndDevicesProjection } from '../read-models/my-settings-and-devices';
import { auditTrailProjection } from '../read-models/audit-trail';
import { cast, createTestHistory, openPortal, projectionSpec, startSession, stepUp, testId, user } from '../testing';
import { createProjectionRunner } from './runner';
import type { Projection } from './projection';

/** Counts the events applied per stream: applying one twice shows as a wrong count. */
const Count = t.type({ applied: t.number });
const countingProjection: Projection<t.TypeOf<typeof Count>> = {
  name: 'count',
  document: Count,
  touches: ({ recorded }) => [recorded.streamName],
  apply: ({ recorded }, current) => [[recorded.streamName, { applied: (current(recorded.streamName)?.applied ?? 0) + 1 }]],
};

const portalHistory = async (): Promise<EventStore> => {
  const history = createTestHistory();
  await openPortal(history);
  const session = testId(100);
  await startSession(history, session);
  await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: testId(101), kind: 'MOBILE', platform: 'IOS', phoneNumber: '+16502530000' });
  await stepUp(history, session, testId(101));
  await history.run('RenameDevice', user(session), { userId: cast.userId, deviceId: testId(101), name: 'Mine' });
  return history.store;
};

const streamLengths = async (store: EventStore): Promise<Record<string, number>> => {
  const all = await store.readAll()();
  if (E.isLeft(all)) throw new Error('read failed');
  const lengths: Record<string, number> = {};
  for (const event of all.right) lengths[event.streamName] = (lengths[event.streamName] ?? 0) + 1;
  return lengths;
};

const listed = async (readModels: ReadModelStore, projection: string) => {
  const documents = await readModels.list(projection)();
  if (E.isLeft(documents)) throw new Error('list failed');
  return Object.fromEntries(documents.right.map(([id, doc]) => [id, doc.applied]));
};

/** A read-model store whose n-th commit fails, as a crash in the middle of a batch would. */
const failingOnCommit = (inner: ReadModelStore, failingCommit: number): ReadModelStore => {
  let commits = 0;
  return {
    ...inner,
    commit: (projection, changes, checkpoint: Position) => {
      commits += 1;
      return commits === failingCommit ? TE.left({ kind: 'Unavailable', message: 'disk went away' }) : inner.commit(projection, changes, checkpoint);
    },
  };
};

describe('projection runner', () => {
  it('gives identical read models when history is replayed twice, and when rebuilt from zero', async () => {
    const store = await portalHistory();
    const first = await projectionSpec(mySettingsAndDevicesProjection).givenStore(store).documents();
    const second = await projectionSpec(mySettingsAndDevicesProjection).givenStore(store).documents();
    expect(second).toEqual(first);

    const readModels = createInMemoryReadModelStore();
    const runner = createProjectionRunner({ events: store, readModels, batchSize: 4 });
    await runner.catchUp(auditTrailProjection)();
    const before = await readModels.list(auditTrailProjection.name)();
    const rebuilt = await runner.rebuild(auditTrailProjection)();
    const after = await readModels.list(auditTrailProjection.name)();
    expect(E.isRight(rebuilt)).toBe(true);
    expect(after).toEqual(before);
  });

  it('changes nothing when events already applied are delivered again', async () => {
    const store = await portalHistory();
    const readModels = createInMemoryReadModelStore();
    const runner = createProjectionRunner({ events: store, readModels });
    await runner.catchUp(countingProjection)();
    const again = await runner.catchUp(countingProjection)();
    expect(again).toEqual(E.right(expect.objectContaining({ eventsApplied: 0 })));
    expect(await listed(readModels, 'count')).toEqual(await streamLengths(store));
  });

  it('resumes after a commit fails in the middle of a batch without applying any event twice', async () => {
    // Given a read-model store whose second commit fails
    const store = await portalHistory();
    const readModels = createInMemoryReadModelStore();
    const runner = createProjectionRunner({ events: store, readModels: failingOnCommit(readModels, 2), batchSize: 3 });
    // When the projection runs, fails, and runs again
    const failed = await runner.catchUp(countingProjection)();
    expect(E.isLeft(failed) && failed.left.kind).toBe('StoreFailed');
    const resumed = await runner.catchUp(countingProjection)();
    // Then every event was applied exactly once
    expect(E.isRight(resumed)).toBe(true);
    expect(await listed(readModels, 'count')).toEqual(await streamLengths(store));
  });

  it('stops at an undecodable event, naming its stream, revision, position and reason, and keeps what came before', async () => {
    const store = await portalHistory();
    const broken = { eventId: testId(999), type: 'DeviceRenamed', data: { userId: cast.userId, deviceId: testId(101) }, metadata: {} };
    await store.appendToStream(`UserDevices-${cast.userId}`, [broken], { expectedRevision: 'ANY' })();
    const readModels = createInMemoryReadModelStore();
    const runner = createProjectionRunner({ events: store, readModels, batchSize: 1000 });

    const stopped = await runner.catchUp(countingProjection)();

    if (E.isRight(stopped)) throw new Error('expected the projection to stop');
    const error = stopped.left;
    if (error.kind !== 'Undecodable') throw new Error(`unexpected ${error.kind}`);
    expect(error.streamName).toBe(`UserDevices-${cast.userId}`);
    expect(error.revision).toBe(3n);
    expect(error.reason).toMatch(/name/);
    expect(error.message).toMatch(new RegExp(`UserDevices-${cast.userId}@3 \\(position \\d+/\\d+\\)`));
    // The checkpoint is the event just before the broken one, in this store's global order.
    const history = await store.readAll()();
    if (E.isLeft(history)) throw new Error('the history cannot be read');
    const brokenAt = history.right.findIndex((event) => event.eventId === broken.eventId);
    expect(await readModels.checkpoint('count')()).toEqual(E.right(history.right[brokenAt - 1]?.position));
    // Running again stops at the same event: it is never skipped.
    const again = await runner.catchUp(countingProjection)();
    expect(E.isLeft(again) && again.left.kind).toBe('Undecodable');
  });

  it('given a stream outside the domain’s categories (the notifications’ outbox) in the log, when caught up, then it is passed by and the checkpoint moves past it', async () => {
    const store = await portalHistory();
    const outbox = { eventId: testId(998), type: 'NotificationQueued', data: { noticeId: testId(997) }, metadata: {} };
    const appended = await store.appendToStream(`Notification-${testId(997)}`, [outbox], { expectedRevision: 'NO_STREAM' })();
    if (E.isLeft(appended)) throw new Error('append failed');
    const readModels = createInMemoryReadModelStore();

    const caughtUp = await createProjectionRunner({ events: store, readModels }).catchUp(countingProjection)();

    expect(E.isRight(caughtUp)).toBe(true);
    const { [`Notification-${testId(997)}`]: _outbox, ...domainStreams } = await streamLengths(store);
    expect(await listed(readModels, 'count')).toEqual(domainStreams);
    expect(await readModels.checkpoint('count')()).toEqual(E.right(appended.right.position));
  });

  it('reads a stored v1 PortalSessionStarted through the upcaster', async () => {
    const sessionId = testId(200);
    const documents = await projectionSpec(auditTrailProjection)
      .given({
        streamName: `PortalSession-${sessionId}`,
        type: 'PortalSessionStarted',
        // v1 had no expiresAt: sessions then lasted 15 minutes.
        data: { sessionId, userId: cast.userId, applicationId: cast.applicationId, accountId: cast.accountId, startedAt: '2020-01-01T00:00:00.000Z' },
        metadata: {
          eventId: testId(201),
          commandId: testId(202),
          correlationId: testId(202),
          causationId: testId(202),
          occurredAt: '2020-01-01T00:00:00.000Z',
          schemaVersion: 1,
          actor: { kind: 'user', userId: cast.userId },
        },
      })
      .documents();
    expect(Object.values(documents).map((entry) => entry.what)).toEqual([
      `user ${cast.userId} started portal session ${sessionId} for user ${cast.userId} through application ${cast.applicationId}, until 2020-01-01T00:15:00.000Z`,
    ]);
  });

  it('follows live appends after catching up, until stopped', async () => {
    const history = createTestHistory();
    await openPortal(history);
    const readModels = createInMemoryReadModelStore();
    let reached: (position: Position) => void = () => undefined;
    const runner = createProjectionRunner({ events: history.store, readModels, onCommit: (_name, position) => reached(position) });
    const handle = runner.follow(mySettingsAndDevicesProjection);

    const session = testId(100);
    const committed = new Promise<void>((resolve) => {
      reached = () => {
        void readModels.get(mySettingsAndDevicesProjection.name, cast.userId)().then((doc) => {
          if (E.isRight(doc) && Array.isArray(doc.right?.phones) && doc.right.phones.length === 1) resolve();
        });
      };
    });
    await startSession(history, session);
    await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: testId(101), kind: 'LANDLINE', phoneNumber: '+16502530000' });
    await committed;
    await handle.stop();
    expect(await handle.done).toEqual(E.right(undefined));
  });
});
