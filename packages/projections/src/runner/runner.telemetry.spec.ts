import * as E from 'fp-ts/Either';
import { createInMemoryReadModelStore, serialisePosition, type EventStore, type RecordedEvent } from '@ssp/eventstore';
import { auditTrailProjection } from '../read-models/audit-trail';
import { mySettingsAndDevicesProjection } from '../read-models/my-settings-and-devices';
import { optionalApi } from '../telemetry/api';
import { cast, createTestHistory, openPortal, startSession, stepUp, testId, user } from '../testing';
import { recordTelemetry, type RecordedTelemetry } from '../testing/telemetry';
import { createProjectionRunner } from './runner';

// Names are written out rather than taken from telemetry/names.ts: they are what dashboards and
// alerts are built on, so renaming one must fail here first (and be told in docs/observability.md).

const now = '2026-11-28T12:00:00.000Z';
const clock = () => now;

/** A user's story, a minute between each step, so that every batch's newest event has its own age. */
const portalHistory = async (): Promise<EventStore> => {
  const history = createTestHistory({ start: '2026-11-28T10:00:00.000Z' });
  await openPortal(history);
  const session = testId(100);
  history.advance(60);
  await startSession(history, session);
  history.advance(60);
  await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: testId(101), kind: 'MOBILE', platform: 'IOS', phoneNumber: '+16502530000' });
  history.advance(60);
  await stepUp(history, session, testId(101));
  history.advance(60);
  await history.run('RenameDevice', user(session), { userId: cast.userId, deviceId: testId(101), name: 'Mine' });
  return history.store;
};

const allEvents = async (store: EventStore): Promise<readonly RecordedEvent[]> => {
  const all = await store.readAll()();
  if (E.isLeft(all)) throw new Error('the history cannot be read');
  return all.right;
};

const batchesOf = <A>(items: readonly A[], size: number): ReadonlyArray<readonly A[]> =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const apiNotInstalled = optionalApi({
  require: () => {
    throw Object.assign(new Error("Cannot find module '@opentelemetry/api'"), { code: 'MODULE_NOT_FOUND' });
  },
  import: () => Promise.reject(new Error("Cannot find module '@opentelemetry/api'")),
});

describe("the projection runner's telemetry", () => {
  let telemetry: RecordedTelemetry | undefined;
  const record = (): RecordedTelemetry => {
    telemetry = recordTelemetry();
    return telemetry;
  };
  afterEach(async () => {
    await telemetry?.close();
    telemetry = undefined;
  });

  it('given a history, when a projection catches up in batches of 4, then a span per batch with the events applied and the checkpoint, the events counted, and the lag of each batch measured from its newest event', async () => {
    const store = await portalHistory();
    const sdk = record();
    const runner = createProjectionRunner({ events: store, readModels: createInMemoryReadModelStore(), batchSize: 4, clock });

    const caughtUp = await runner.catchUp(auditTrailProjection)();

    const events = await allEvents(store);
    expect(caughtUp).toEqual(E.right(expect.objectContaining({ eventsApplied: events.length })));
    const batches = batchesOf(events, 4).map((batch) => batch.at(-1));
    expect(sdk.spans().map((span) => [span.name, span.attributes])).toEqual(
      batches.map((last, i) => [
        'ssp.projection.batch audit-trail',
        {
          'ssp.projection.name': 'audit-trail',
          'ssp.projection.phase': 'catch_up',
          'ssp.projection.event_count': batchesOf(events, 4)[i]?.length,
          'ssp.projection.checkpoint': last === undefined ? undefined : serialisePosition(last.position),
        },
      ]),
    );
    const metrics = await sdk.collect();
    const attributes = { 'ssp.projection.name': 'audit-trail', 'ssp.projection.phase': 'catch_up' };
    expect(metrics.counts('ssp.projection.events_applied')).toEqual([{ attributes, value: events.length }]);
    const ages = batches.map((last) => Date.parse(now) - Date.parse(String(last?.metadata.occurredAt)));
    expect(metrics.histogram('ssp.projection.lag')).toEqual([{ attributes, count: batches.length, sum: ages.reduce((a, b) => a + b, 0) }]);
    expect(metrics.counts('ssp.projection.errors')).toEqual([]);
  });

  it('given an undecodable event, when the projection stops on it, then its batch span is an error of that kind, the events before it are counted, and the error is counted once each time the runner answers it', async () => {
    const store = await portalHistory();
    const broken = { eventId: testId(999), type: 'DeviceRenamed', data: { userId: cast.userId, deviceId: testId(101) }, metadata: {} };
    await store.appendToStream(`UserDevices-${cast.userId}`, [broken], { expectedRevision: 'ANY' })();
    const sdk = record();
    const runner = createProjectionRunner({ events: store, readModels: createInMemoryReadModelStore(), batchSize: 1000, clock });

    const stopped = await runner.catchUp(auditTrailProjection)();
    const followed = runner.follow(auditTrailProjection);
    const followingStopped = await followed.done;

    expect(E.isLeft(stopped) && E.isLeft(followingStopped)).toBe(true);
    const [first, second] = sdk.spans();
    expect(first?.status).toEqual({ code: 2, message: 'Undecodable' });
    const before = (await allEvents(store)).findIndex((event) => event.eventId === broken.eventId);
    expect(first?.attributes).toMatchObject({ 'ssp.projection.error_kind': 'Undecodable', 'ssp.projection.event_count': before });
    expect(second?.attributes).toMatchObject({ 'ssp.projection.error_kind': 'Undecodable', 'ssp.projection.event_count': 0 });
    const metrics = await sdk.collect();
    expect(metrics.counts('ssp.projection.events_applied').map((point) => point.value)).toEqual([before]);
    expect(metrics.counts('ssp.projection.errors')).toEqual([
      { attributes: { 'ssp.projection.name': 'audit-trail', 'ssp.projection.error_kind': 'Undecodable' }, value: 2 },
    ]);
  });

  it('given a runner following live appends, when an event is appended, then it is applied in a batch of its own with phase live, counted and its lag measured', async () => {
    const history = createTestHistory({ start: '2026-11-28T10:00:00.000Z' });
    await openPortal(history);
    const sdk = record();
    // Once the runner subscribes, catching up is over: what is appended next comes live.
    let subscribed = (): void => undefined;
    const following = new Promise<void>((resolve) => (subscribed = resolve));
    const { store } = history;
    const events: EventStore = {
      readStream: (name, options) => store.readStream(name, options),
      appendToStream: (name, appended, options) => store.appendToStream(name, appended, options),
      readAll: (options) => store.readAll(options),
      subscribeToAll: (options) => {
        const subscription = store.subscribeToAll(options);
        subscribed();
        return subscription;
      },
      close: () => store.close(),
    };
    let committedLive = (): void => undefined;
    const committed = new Promise<void>((resolve) => (committedLive = resolve));
    const runner = createProjectionRunner({ events, readModels: createInMemoryReadModelStore(), clock, onCommit: (_name, _checkpoint, applied) => applied === 1 && committedLive() });
    const handle = runner.follow(mySettingsAndDevicesProjection);
    await following;

    history.setTime('2026-11-28T11:59:59.000Z');
    await startSession(history, testId(100));
    await committed;
    await handle.stop();

    const liveSpans = sdk.spans().filter((span) => span.attributes['ssp.projection.phase'] === 'live');
    expect(liveSpans.map((span) => span.attributes['ssp.projection.event_count'])).toEqual([1]);
    const metrics = await sdk.collect();
    const attributes = { 'ssp.projection.name': 'my-settings-and-devices', 'ssp.projection.phase': 'live' };
    expect(metrics.counts('ssp.projection.events_applied')).toContainEqual({ attributes, value: 1 });
    expect(metrics.histogram('ssp.projection.lag')).toContainEqual({ attributes, count: 1, sum: 1000 });
  });

  it('given @opentelemetry/api cannot be loaded, when a projection catches up, then the read model is built as usual and nothing is recorded', async () => {
    const store = await portalHistory();
    const sdk = record();
    const readModels = createInMemoryReadModelStore();
    const runner = createProjectionRunner({ events: store, readModels, batchSize: 4, telemetry: { api: apiNotInstalled } });

    const caughtUp = await runner.catchUp(auditTrailProjection)();

    expect(caughtUp).toEqual(E.right(expect.objectContaining({ eventsApplied: (await allEvents(store)).length })));
    expect(sdk.spans()).toEqual([]);
    expect((await sdk.collect()).names).toEqual([]);
  });
});
