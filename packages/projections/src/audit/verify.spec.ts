import * as E from 'fp-ts/Either';
import { createInMemoryEventStore, hashEvent, serialisePosition, type EventStore, type JsonObject, type RecordedEvent } from '@ssp/eventstore';
import { cast, createTestHistory, openPortal, startSession, stepUp, testId, user } from '../testing';
import { readHistory } from './history';
import { verifyHistory } from './verify';

const readAll = async (store: EventStore): Promise<readonly RecordedEvent[]> => {
  const history = await readHistory(store, { pageSize: 4 })();
  if (E.isLeft(history)) throw new Error('read failed');
  return history.right;
};

/** A history with a user stream of several events: the one the tampering targets. */
const original = async (): Promise<readonly RecordedEvent[]> => {
  const history = createTestHistory();
  await openPortal(history);
  const session = testId(100);
  await startSession(history, session);
  await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: testId(101), kind: 'MOBILE', platform: 'IOS', phoneNumber: '+16502530000' });
  await stepUp(history, session, testId(101));
  await history.run('RenameDevice', user(session), { userId: cast.userId, deviceId: testId(101), name: 'One' });
  await history.run('RenameDevice', user(session), { userId: cast.userId, deviceId: testId(101), name: 'Two' });
  return readAll(history.store);
};

const target = `UserDevices-${cast.userId}`;

/** Writes a tampered copy of history into a fresh store with raw appends, as an intruder with write access could. */
const tampered = async (
  history: readonly RecordedEvent[],
  rewrite: (stream: readonly RecordedEvent[]) => ReadonlyArray<Pick<RecordedEvent, 'eventId' | 'type' | 'data' | 'metadata'>>,
): Promise<readonly RecordedEvent[]> => {
  const store = createInMemoryEventStore();
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of history) streams.set(event.streamName, [...(streams.get(event.streamName) ?? []), event]);
  for (const [streamName, events] of streams) {
    const written = streamName === target ? rewrite(events) : events;
    for (const { eventId, type, data, metadata } of written) {
      const appended = await store.appendToStream(streamName, [{ eventId, type, data, metadata }], { expectedRevision: 'ANY' })();
      if (E.isLeft(appended)) throw new Error('append failed');
    }
  }
  return readAll(store);
};

const at = <T>(list: readonly T[], index: number): T => {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
};

describe('verify: tamper evidence', () => {
  it('says an untouched history is intact, and seals each stream', async () => {
    const report = verifyHistory(await original());
    expect(report.intact).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report.seals.find((seal) => seal.streamName === target)?.events).toBe(4);
  });

  it('finds an event whose content was altered', async () => {
    const history = await tampered(await original(), (stream) =>
      stream.map((event, i) => (i === 2 ? { ...event, data: { ...event.data, name: 'Evil' } } : event)),
    );
    expect(verifyHistory(history).findings).toEqual([expect.objectContaining({ streamName: target, kind: 'ALTERED', revision: '2' })]);
  });

  it('finds a removed event', async () => {
    const history = await tampered(await original(), (stream) => stream.filter((_event, i) => i !== 1));
    expect(verifyHistory(history).findings).toEqual([expect.objectContaining({ streamName: target, kind: 'REMOVED', revision: '1' })]);
  });

  it('finds a removed first event', async () => {
    const history = await tampered(await original(), (stream) => stream.slice(1));
    expect(verifyHistory(history).findings).toEqual([expect.objectContaining({ kind: 'REMOVED', revision: '0' })]);
  });

  it('finds an inserted event, even one hashed and linked like the real ones', async () => {
    const history = await tampered(await original(), (stream) => {
      const before = at(stream, 1);
      const metadata: JsonObject = { ...before.metadata, eventId: testId(777), previousHash: before.metadata.hash ?? null };
      const data: JsonObject = { userId: cast.userId, deviceId: testId(101), name: 'Forged', previousName: 'x' };
      const forged = { eventId: testId(777), type: 'DeviceRenamed', data, metadata: { ...metadata, hash: hashEvent('DeviceRenamed', data, metadata) } };
      return [...stream.slice(0, 2), forged, ...stream.slice(2)];
    });
    expect(verifyHistory(history).findings).toEqual([expect.objectContaining({ kind: 'INSERTED', revision: '2', eventId: testId(777) })]);
  });

  it('finds an inserted event without a hash', async () => {
    const history = await tampered(await original(), (stream) => {
      const copy = at(stream, 2);
      return [...stream.slice(0, 2), { ...copy, eventId: testId(778), metadata: {} }, ...stream.slice(2)];
    });
    expect(verifyHistory(history).findings).toEqual([expect.objectContaining({ kind: 'INSERTED', revision: '2' })]);
  });

  it('finds reordered events', async () => {
    const history = await tampered(await original(), (stream) => [at(stream, 0), at(stream, 1), at(stream, 3), at(stream, 2)]);
    expect(verifyHistory(history).findings).toEqual([expect.objectContaining({ kind: 'REORDERED', revision: '2' })]);
  });

  it('finds an event rewritten with a fresh hash, at the event that no longer links to it', async () => {
    const history = await tampered(await original(), (stream) =>
      stream.map((event, i) => {
        if (i !== 2) return event;
        const data = { ...event.data, name: 'Rewritten' };
        return { ...event, data, metadata: { ...event.metadata, hash: hashEvent(event.type, data, event.metadata) } };
      }),
    );
    expect(verifyHistory(history).findings).toEqual([expect.objectContaining({ kind: 'REMOVED', revision: '3' })]);
  });

  describe('each finding names the event fully', () => {
    const eventAt = (history: readonly RecordedEvent[], revision: bigint): RecordedEvent => {
      const event = history.find((candidate) => candidate.streamName === target && candidate.revision === revision);
      if (event === undefined) throw new Error(`no ${target}@${revision}`);
      return event;
    };

    it('given an altered event, when verified, then the finding gives its global position and the time it says it happened', async () => {
      const history = await tampered(await original(), (stream) =>
        stream.map((event, i) => (i === 2 ? { ...event, data: { ...event.data, name: 'Evil' } } : event)),
      );
      const altered = eventAt(history, 2n);
      expect(typeof altered.metadata.occurredAt).toBe('string');

      const [finding] = verifyHistory(history).findings;

      expect(finding).toEqual({
        chain: 'STREAM',
        streamName: target,
        kind: 'ALTERED',
        revision: '2',
        eventId: altered.eventId,
        position: serialisePosition(altered.position),
        occurredAt: altered.metadata.occurredAt,
        detail: 'its content no longer matches its hash',
      });
    });

    it('given a removed event, when verified, then the position is that of the event now standing where it was', async () => {
      const history = await tampered(await original(), (stream) => stream.filter((_event, i) => i !== 1));
      const standing = eventAt(history, 1n);

      const [finding] = verifyHistory(history).findings;

      expect(finding).toEqual(expect.objectContaining({ eventId: standing.eventId, position: serialisePosition(standing.position), occurredAt: standing.metadata.occurredAt }));
    });

    it('given an inserted event that carries no time, when verified, then its time is reported as null, not made up', async () => {
      const history = await tampered(await original(), (stream) => {
        const copy = at(stream, 2);
        return [...stream.slice(0, 2), { ...copy, eventId: testId(778), metadata: {} }, ...stream.slice(2)];
      });
      const inserted = eventAt(history, 2n);

      const [finding] = verifyHistory(history).findings;

      expect(finding).toEqual(expect.objectContaining({ kind: 'INSERTED', position: serialisePosition(inserted.position), occurredAt: null }));
    });
  });
});
