import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import * as E from 'fp-ts/Either';
import type { EventStore, NewEvent, StoreError } from '@ssp/eventstore';
import { connectEventStoreDb } from './connect';
import { startTestTarget, type TestTarget } from './testing/test-target';

// What the conformance suite cannot say about this adapter: how it stores what it is given,
// and how it reports the refusals particular to EventStoreDB. Runs against the test server, or
// against ESDB_CONNECTION_STRING when that is set.
const TIMEOUT = 60_000;

let target: TestTarget;
let store: EventStore;
let rawClient: EventStoreDBClient;

beforeAll(async () => {
  target = await startTestTarget();
  store = connectEventStoreDb(target.connectionString);
  rawClient = EventStoreDBClient.connectionString(target.connectionString);
}, TIMEOUT);

afterAll(async () => {
  await store.close();
  await rawClient.dispose();
  await target.stop();
});

const freshStream = (): string => `EsdbAdapterSpec${randomUUID().replace(/-/g, '')}-${randomUUID()}`;

const event = (type: string, data: NewEvent['data'] = {}, metadata: NewEvent['metadata'] = {}): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata,
});

const right = async <A>(task: () => Promise<E.Either<StoreError, A>>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected success, got ${result.left.kind}: ${JSON.stringify(result.left, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`);
  return result.right;
};

const left = async <A>(task: () => Promise<E.Either<StoreError, A>>): Promise<StoreError> => {
  const result = await task();
  if (E.isRight(result)) throw new Error('expected a StoreError');
  return result.left;
};

describe('the EventStoreDB adapter through @eventstore/db-client', () => {
  it('given a stream at revision 0, when appending with the stale revision 0 after another write, then WrongExpectedRevision carries the actual revision', async () => {
    const streamName = freshStream();
    await right(store.appendToStream(streamName, [event('Opened')], { expectedRevision: 'NO_STREAM' }));
    await right(store.appendToStream(streamName, [event('Renamed')], { expectedRevision: 0n }));

    const error = await left(store.appendToStream(streamName, [event('Closed')], { expectedRevision: 0n }));

    expect(error).toEqual({ kind: 'WrongExpectedRevision', streamName, expected: 0n, actual: 1n });
  }, TIMEOUT);

  it('given an append that succeeded, when the same events are sent again with the same expected revision, then the server treats it as a retry and writes nothing', async () => {
    const streamName = freshStream();
    const events = [event('Opened'), event('Renamed')];
    const first = await right(store.appendToStream(streamName, events, { expectedRevision: 'NO_STREAM' }));

    const retried = await right(store.appendToStream(streamName, events, { expectedRevision: 'NO_STREAM' }));

    expect(retried).toEqual(first);
    expect(await right(store.readStream(streamName))).toHaveLength(2);
  }, TIMEOUT);

  it('given metadata with correlationId and causationId, when stored, then EventStoreDB sees $correlationId and $causationId and the port reads back only what was appended', async () => {
    const streamName = freshStream();
    const appended = event('Opened', {}, { correlationId: 'corr-1', causationId: 'cause-1', actor: 'user-7' });
    await right(store.appendToStream(streamName, [appended], { expectedRevision: 'NO_STREAM' }));

    const raw = [];
    for await (const resolved of rawClient.readStream(streamName)) raw.push(resolved.event?.metadata);
    expect(raw).toEqual([
      { correlationId: 'corr-1', causationId: 'cause-1', actor: 'user-7', $correlationId: 'corr-1', $causationId: 'cause-1' },
    ]);
    const [read] = await right(store.readStream(streamName));
    expect(read?.metadata).toEqual(appended.metadata);
  }, TIMEOUT);

  it('given an event written by another tool with only $correlationId, when read through the port, then $correlationId is kept', async () => {
    const streamName = freshStream();
    await rawClient.appendToStream(streamName, jsonEvent({ type: 'Imported', data: {}, metadata: { $correlationId: 'elsewhere' } }));

    const [read] = await right(store.readStream(streamName));

    expect(read?.metadata).toEqual({ $correlationId: 'elsewhere' });
  }, TIMEOUT);

  it('given events totalling more than the 1 MiB maximum append size, when appending, then AppendTooLarge comes back and nothing is written', async () => {
    const streamName = freshStream();
    const chunk = 'x'.repeat(400 * 1024);
    const events = [event('Big', { chunk }), event('Big', { chunk }), event('Big', { chunk })];

    const error = await left(store.appendToStream(streamName, events, { expectedRevision: 'NO_STREAM' }));

    expect(error).toEqual(expect.objectContaining({ kind: 'AppendTooLarge', streamName }));
    expect(await right(store.readStream(streamName))).toEqual([]);
  }, TIMEOUT);

  it('given the server’s own records in $all, when reading all without a filter, then no system stream or $ event type is handed out', async () => {
    const raw = [];
    for await (const resolved of rawClient.readAll({ maxCount: 200 })) raw.push(resolved.event);
    expect(raw.some((recorded) => recorded?.streamId.startsWith('$') === true)).toBe(true);

    const events = await right(store.readAll({ maxCount: 200 }));

    expect(events.filter((recorded) => recorded.streamName.startsWith('$') || recorded.type.startsWith('$'))).toEqual([]);
  }, TIMEOUT);

  it('given a closed store, when using it, then every call answers Unavailable', async () => {
    const closing = connectEventStoreDb(target.connectionString);
    await closing.close();

    expect(await left(closing.readStream(freshStream()))).toEqual(expect.objectContaining({ kind: 'Unavailable' }));
    expect(await left(closing.appendToStream(freshStream(), [event('Late')], { expectedRevision: 'ANY' }))).toEqual(
      expect.objectContaining({ kind: 'Unavailable' }),
    );
  }, TIMEOUT);
});

describe('connecting', () => {
  it('given a port where nothing listens, when appending and reading, then Unavailable comes back as a value', async () => {
    const nowhere = connectEventStoreDb('esdb://127.0.0.1:1?tls=false');

    expect(await left(nowhere.appendToStream(freshStream(), [event('Opened')], { expectedRevision: 'ANY' }))).toEqual(
      expect.objectContaining({ kind: 'Unavailable' }),
    );
    expect(await left(nowhere.readStream(freshStream()))).toEqual(expect.objectContaining({ kind: 'Unavailable' }));
    expect(await left(nowhere.readAll())).toEqual(expect.objectContaining({ kind: 'Unavailable' }));
    await nowhere.close();
  }, TIMEOUT);

  it('given a connection string the client cannot parse, when using the store, then Failure explains it', async () => {
    const broken = connectEventStoreDb('not a connection string');

    const error = await left(broken.readStream(freshStream()));

    expect(error.kind).toBe('Failure');
    expect(error.kind === 'Failure' ? error.message : '').toMatch(/invalid EventStoreDB connection string/);
  }, TIMEOUT);
});
