import * as E from 'fp-ts/Either';
import type { EventStore, ExpectedRevision, StoreError } from '../port';
import { fail, freshStream, idsOf, newEvent, newEvents, succeed } from './support';

const wrongRevision = (streamName: string, expected: ExpectedRevision, actual: bigint | 'NO_STREAM'): StoreError => ({
  kind: 'WrongExpectedRevision',
  streamName,
  expected,
  actual,
});

/** Expected-revision sentinels, write conflicts, empty and large appends. */
export const appendConformance = (store: () => EventStore, timeout: number): void => {
  const streamWithEvents = async (count: number): Promise<string> => {
    const streamName = freshStream();
    await succeed(store().appendToStream(streamName, newEvents(count), { expectedRevision: 'NO_STREAM' }));
    return streamName;
  };

  describe('expected revision ANY', () => {
    it('given a missing stream, when appending with ANY, then the stream starts at revision 0', async () => {
      const streamName = freshStream();
      const result = await succeed(store().appendToStream(streamName, newEvents(1), { expectedRevision: 'ANY' }));
      expect(result.nextExpectedRevision).toBe(0n);
    }, timeout);

    it('given a stream at revision 1, when appending two events with ANY, then it ends at revision 3', async () => {
      const streamName = await streamWithEvents(2);
      const result = await succeed(store().appendToStream(streamName, newEvents(2), { expectedRevision: 'ANY' }));
      expect(result.nextExpectedRevision).toBe(3n);
    }, timeout);
  });

  describe('expected revision NO_STREAM', () => {
    it('given a missing stream, when appending with NO_STREAM, then it is accepted', async () => {
      const result = await succeed(store().appendToStream(freshStream(), newEvents(3), { expectedRevision: 'NO_STREAM' }));
      expect(result.nextExpectedRevision).toBe(2n);
    }, timeout);

    it('given a stream at revision 1, when appending with NO_STREAM, then it is refused with actual 1 and nothing is written', async () => {
      const streamName = await streamWithEvents(2);
      const error = await fail(store().appendToStream(streamName, newEvents(1), { expectedRevision: 'NO_STREAM' }));
      expect(error).toEqual(wrongRevision(streamName, 'NO_STREAM', 1n));
      expect(await succeed(store().readStream(streamName))).toHaveLength(2);
    }, timeout);
  });

  describe('expected revision STREAM_EXISTS', () => {
    it('given a stream with events, when appending with STREAM_EXISTS, then it is accepted', async () => {
      const streamName = await streamWithEvents(1);
      const result = await succeed(store().appendToStream(streamName, newEvents(1), { expectedRevision: 'STREAM_EXISTS' }));
      expect(result.nextExpectedRevision).toBe(1n);
    }, timeout);

    it('given a missing stream, when appending with STREAM_EXISTS, then it is refused with actual NO_STREAM and the stream stays missing', async () => {
      const streamName = freshStream();
      const error = await fail(store().appendToStream(streamName, newEvents(1), { expectedRevision: 'STREAM_EXISTS' }));
      expect(error).toEqual(wrongRevision(streamName, 'STREAM_EXISTS', 'NO_STREAM'));
      expect(await succeed(store().readStream(streamName))).toEqual([]);
    }, timeout);
  });

  describe('expected revision as an exact number', () => {
    it('given a stream at revision 2, when appending two events expecting 2, then it ends at revision 4', async () => {
      const streamName = await streamWithEvents(3);
      const result = await succeed(store().appendToStream(streamName, newEvents(2), { expectedRevision: 2n }));
      expect(result.nextExpectedRevision).toBe(4n);
    }, timeout);

    it('given a stream at revision 2, when appending expecting 1, then it is refused with actual 2 and nothing is written', async () => {
      const streamName = await streamWithEvents(3);
      const error = await fail(store().appendToStream(streamName, newEvents(1), { expectedRevision: 1n }));
      expect(error).toEqual(wrongRevision(streamName, 1n, 2n));
      expect(await succeed(store().readStream(streamName))).toHaveLength(3);
    }, timeout);

    it('given a stream at revision 2, when appending expecting 3, then it is refused with actual 2', async () => {
      const streamName = await streamWithEvents(3);
      const error = await fail(store().appendToStream(streamName, newEvents(1), { expectedRevision: 3n }));
      expect(error).toEqual(wrongRevision(streamName, 3n, 2n));
    }, timeout);

    it('given a missing stream, when appending expecting 0, then it is refused with actual NO_STREAM', async () => {
      const streamName = freshStream();
      const error = await fail(store().appendToStream(streamName, newEvents(1), { expectedRevision: 0n }));
      expect(error).toEqual(wrongRevision(streamName, 0n, 'NO_STREAM'));
    }, timeout);
  });

  describe('concurrent writers', () => {
    it('given a stream at revision 1, when two writers append expecting 1 at once, then exactly one wins and the other learns the winner revision', async () => {
      const streamName = await streamWithEvents(2);
      const first = newEvents(2, 'FirstWriter');
      const second = newEvents(3, 'SecondWriter');
      const results = await Promise.all([
        store().appendToStream(streamName, first, { expectedRevision: 1n })(),
        store().appendToStream(streamName, second, { expectedRevision: 1n })(),
      ]);

      expect(results.filter(E.isRight)).toHaveLength(1);
      const [firstResult] = results;
      const winner = firstResult !== undefined && E.isRight(firstResult) ? first : second;
      const loserError = results.find(E.isLeft)?.left;
      expect(loserError).toEqual(wrongRevision(streamName, 1n, 1n + BigInt(winner.length)));
      const stored = await succeed(store().readStream(streamName));
      expect(idsOf(stored.slice(2))).toEqual(winner.map((event) => event.eventId));
    }, timeout);

    it('given a missing stream, when two writers create it at once, then exactly one wins', async () => {
      const streamName = freshStream();
      const results = await Promise.all([
        store().appendToStream(streamName, newEvents(1), { expectedRevision: 'NO_STREAM' })(),
        store().appendToStream(streamName, newEvents(1), { expectedRevision: 'NO_STREAM' })(),
      ]);
      expect(results.filter(E.isRight)).toHaveLength(1);
      expect(results.find(E.isLeft)?.left).toEqual(wrongRevision(streamName, 'NO_STREAM', 0n));
      expect(await succeed(store().readStream(streamName))).toHaveLength(1);
    }, timeout);
  });

  describe('empty appends', () => {
    it('given a stream at revision 1, when appending nothing expecting 1, then it is accepted and nothing is written', async () => {
      const streamName = await streamWithEvents(2);
      const result = await succeed(store().appendToStream(streamName, [], { expectedRevision: 1n }));
      expect(result.nextExpectedRevision).toBe(1n);
      expect(await succeed(store().readStream(streamName))).toHaveLength(2);
    }, timeout);

    it('given a stream at revision 1, when appending nothing expecting 0, then the revision check still refuses it', async () => {
      const streamName = await streamWithEvents(2);
      const error = await fail(store().appendToStream(streamName, [], { expectedRevision: 0n }));
      expect(error).toEqual(wrongRevision(streamName, 0n, 1n));
    }, timeout);

    it('given a missing stream, when appending nothing with NO_STREAM, then it is accepted with revision -1 and the stream stays missing', async () => {
      const streamName = freshStream();
      const result = await succeed(store().appendToStream(streamName, [], { expectedRevision: 'NO_STREAM' }));
      expect(result.nextExpectedRevision).toBe(-1n);
      expect(await succeed(store().readStream(streamName))).toEqual([]);
      const error = await fail(store().appendToStream(streamName, [], { expectedRevision: 'STREAM_EXISTS' }));
      expect(error).toEqual(wrongRevision(streamName, 'STREAM_EXISTS', 'NO_STREAM'));
    }, timeout);
  });

  describe('large appends', () => {
    it('given 1,000 events, when appending them at once, then all are stored in order at revisions 0 to 999', async () => {
      const streamName = freshStream();
      const events = newEvents(1_000);
      const result = await succeed(store().appendToStream(streamName, events, { expectedRevision: 'NO_STREAM' }));

      expect(result.nextExpectedRevision).toBe(999n);
      const stored = await succeed(store().readStream(streamName));
      expect(idsOf(stored)).toEqual(events.map((event) => event.eventId));
      expect(stored.map((event) => event.revision)).toEqual(events.map((_, index) => BigInt(index)));
    }, timeout);

    it('given an event with a 100 KB payload, when appending it, then it reads back unchanged', async () => {
      const streamName = freshStream();
      const payload = 'x€😀'.repeat(25_000);
      const event = newEvent('Large', { payload, nested: { again: payload.slice(0, 1_000) } });
      await succeed(store().appendToStream(streamName, [event], { expectedRevision: 'NO_STREAM' }));

      const [stored] = await succeed(store().readStream(streamName));
      expect(stored?.data).toEqual(event.data);
    }, timeout);
  });

  describe('what an append records', () => {
    it('given events with nested unicode data and metadata, when read back, then id, type, data, metadata, stream and revision are exact', async () => {
      const streamName = freshStream();
      const event = newEvent(
        'DeviceRegistered',
        {
          name: 'Clé de sécurité 🔐 — 日本語 — עברית',
          counts: [0, -1, 1.5, 1e-7, 9007199254740991],
          flags: { enabled: true, disabled: false, missing: null },
          empty: { object: {}, array: [], text: '' },
          deep: { a: { b: { c: { d: [[1, [2, [3]]], { e: 'f' }] } } } },
          escapes: 'quote " backslash \\ newline \n tab \t nul \u0000',
        },
        { correlationId: 'c-1', causationId: 'ç-2', actor: { id: 'ユーザー', roles: ['self'] } },
      );
      await succeed(store().appendToStream(streamName, [event], { expectedRevision: 'NO_STREAM' }));

      const [stored] = await succeed(store().readStream(streamName));
      expect(stored).toEqual(
        expect.objectContaining({ ...event, streamName, revision: 0n }),
      );
    }, timeout);

    it('given an append, when its result is compared with the stored events, then its position is that of the last event appended', async () => {
      const streamName = freshStream();
      const result = await succeed(store().appendToStream(streamName, newEvents(3), { expectedRevision: 'NO_STREAM' }));
      const stored = await succeed(store().readStream(streamName));
      expect(stored.at(-1)?.position).toEqual(result.position);
    }, timeout);

    it('given stored events, when the caller mutates what it appended or what it read, then the stored history is unchanged', async () => {
      const streamName = freshStream();
      const data = { list: [1, 2], inner: { value: 'original' } };
      const metadata = { note: 'original' };
      await succeed(store().appendToStream(streamName, [newEvent('Mutable', data, metadata)], { expectedRevision: 'NO_STREAM' }));

      data.list.push(3);
      data.inner.value = 'changed';
      metadata.note = 'changed';
      const [firstRead] = await succeed(store().readStream(streamName));
      // Reflect.set reports failure on frozen objects instead of throwing, so one test fits
      // stores that freeze what they return and stores that hand out fresh copies.
      Reflect.set(firstRead?.data ?? {}, 'inner', 'changed');
      Reflect.set(firstRead?.metadata ?? {}, 'note', 'changed');

      const [secondRead] = await succeed(store().readStream(streamName));
      expect(secondRead?.data).toEqual({ list: [1, 2], inner: { value: 'original' } });
      expect(secondRead?.metadata).toEqual({ note: 'original' });
    }, timeout);
  });
};
