import { randomUUID } from 'node:crypto';
import { BACKWARDS, END, EventStoreDBClient, jsonEvent, type ResolvedEvent } from '@eventstore/db-client';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { UUID } from '@eventstore/db-client/generated/shared_pb';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '.';
import { eventResponse, uuidText } from './wire';

// The parts of the test server the adapter does not use but other EventStoreDB code would:
// backwards reads, stream subscriptions, `$maxCount`, structured UUIDs, idempotent `any` writes;
// and its stall, seen from a client without the adapter's deadlines.
const TIMEOUT = 60_000;

let server: EventStoreDbTestServer;
let client: EventStoreDBClient;

beforeAll(async () => {
  server = await startEventStoreDbTestServer();
  client = EventStoreDBClient.connectionString(server.connectionString);
}, TIMEOUT);

afterAll(async () => {
  await client.dispose();
  await server.stop();
});

const freshStream = (): string => `TestServerSpec-${randomUUID()}`;
const events = (count: number) => Array.from({ length: count }, (_, index) => jsonEvent({ type: 'Counted', data: { index } }));
const revisionsOf = (resolved: readonly ResolvedEvent[]): bigint[] => resolved.map((item) => item.event?.revision ?? -1n);

const readAllOf = async (iterable: AsyncIterable<ResolvedEvent>): Promise<ResolvedEvent[]> => {
  const collected: ResolvedEvent[] = [];
  for await (const item of iterable) collected.push(item);
  return collected;
};

describe('the EventStoreDB test server', () => {
  it('given a stream of 5 events, when reading backwards from the end and from revision 2, then revisions come newest first', async () => {
    const streamName = freshStream();
    await client.appendToStream(streamName, events(5));

    expect(revisionsOf(await readAllOf(client.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 2 })))).toEqual([4n, 3n]);
    expect(revisionsOf(await readAllOf(client.readStream(streamName, { direction: BACKWARDS, fromRevision: 2n })))).toEqual([2n, 1n, 0n]);
  }, TIMEOUT);

  it('given a stream subscription from revision 1, when events are appended, then it gets history after 1, caughtUp, then live events', async () => {
    const streamName = freshStream();
    await client.appendToStream(streamName, events(3));
    const subscription = client.subscribeToStream(streamName, { fromRevision: 1n });
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      subscription.on('caughtUp', () => {
        seen.push('caughtUp');
        void client.appendToStream(streamName, events(1));
      });
      subscription.on('data', (resolved: ResolvedEvent) => {
        seen.push(String(resolved.event?.revision));
        if (resolved.event?.revision === 3n) resolve();
      });
    });

    await done;
    await subscription.unsubscribe();
    // The live event is appended on caughtUp, so it must come after it; the raw client's
    // caughtUp is an out-of-band stream event, so its place relative to '2' is not asserted.
    expect(seen.filter((item) => item !== 'caughtUp')).toEqual(['2', '3']);
    expect(seen.indexOf('caughtUp')).toBeLessThan(seen.indexOf('3'));
  }, TIMEOUT);

  it('given $maxCount 2 in the stream metadata, when reading the stream, then only the last two events are visible', async () => {
    const streamName = freshStream();
    await client.appendToStream(streamName, events(4));
    await client.setStreamMetadata(streamName, { maxCount: 2 });

    expect(revisionsOf(await readAllOf(client.readStream(streamName)))).toEqual([2n, 3n]);
  }, TIMEOUT);

  it('given events already written, when the same ids are appended again with any, then nothing new is written', async () => {
    const streamName = freshStream();
    const batch = events(2);
    await client.appendToStream(streamName, batch);
    const again = await client.appendToStream(streamName, batch);

    expect(again.nextExpectedRevision).toBe(1n);
    expect(await readAllOf(client.readStream(streamName))).toHaveLength(2);
  }, TIMEOUT);

  it('given a stalled server, when a client reads, then the read waits and is answered once the server resumes', async () => {
    const streamName = freshStream();
    await client.appendToStream(streamName, events(2));
    await server.stall();
    let settled = false;
    const read = readAllOf(client.readStream(streamName)).finally(() => {
      settled = true;
    });

    // Nothing can answer during a stall, however slow the machine: this only gives it a chance to.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    await server.resume();

    expect(revisionsOf(await read)).toEqual([0n, 1n]);
  }, TIMEOUT);

  it('given a UUID, when sent as two signed 64-bit halves, then it reads back as the same text', () => {
    const id = 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6';
    const response: ReadResp = eventResponse(
      {
        eventId: id,
        type: 'T',
        contentType: 'application/json',
        data: new Uint8Array(),
        customMetadata: new Uint8Array(),
        streamName: 's',
        revision: 0n,
        createdTicks: 0n,
        position: { commit: 0n, prepare: 0n },
      },
      { structuredUuids: true },
    );
    const uuid: UUID | undefined = response.getEvent()?.getEvent()?.getId();

    expect(uuid?.hasStructured()).toBe(true);
    expect(uuidText(uuid)).toBe(id);
  });
});
