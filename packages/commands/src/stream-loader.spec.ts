import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { createInMemoryEventStore, type EventStore } from '@ssp/eventstore';
import { accountKind } from './aggregates';
import { COMMAND_LOG_ENTRY_BYTES } from './retained-bytes';
import { createStreamLoader, type StreamLoader, type StreamSnapshot } from './stream-loader';
import { idOf } from './testing';

/** The cached loader on its own: what a warm handler does on each command. */
const accountId = idOf('acme:account');
const streamName = `Account-${accountId}`;
const opened = { type: 'AccountOpened' as const, data: { accountId, name: 'Acme', edition: 'ENTERPRISE' as const, ownerAdminId: idOf('acme:owner') } };
const enabled = { type: 'NewEnrollmentEnabled' as const, data: { accountId } };
const disabled = { type: 'NewEnrollmentDisabled' as const, data: { accountId } };

/** The digest these tests record for a command id: any string that differs from id to id. */
const digest = (commandId: string): string => `digest of ${commandId}`;

const writeEvent = async (store: EventStore, type: string, data: Readonly<Record<string, string>>, commandId: string, metadata: Readonly<Record<string, string>> = { commandDigest: digest(commandId) }) => {
  const written = await store.appendToStream(streamName, [{ eventId: idOf(`event:${commandId}`), type, data, metadata: { commandId, ...metadata } }], { expectedRevision: 'ANY' })();
  if (E.isLeft(written)) throw new Error('the test could not write');
};

const loaded = async <S>(loader: StreamLoader<S>): Promise<StreamSnapshot<S>> => {
  const snapshot = await loader.load(streamName);
  if (E.isLeft(snapshot)) throw new Error(`load failed: ${snapshot.left.kind}`);
  return snapshot.right;
};

describe('the cached stream loader', () => {
  it('given a loaded stream with nothing appended since, when it is loaded again, then the cached snapshot itself comes back: nothing is folded or copied', async () => {
    const store = createInMemoryEventStore();
    await writeEvent(store, opened.type, opened.data, idOf('command-1'));
    const loader = createStreamLoader(store, accountKind);
    const first = await loaded(loader);

    const second = await loaded(loader);

    expect(second).toBe(first);
  });

  it('given events appended by another writer, when the stream is loaded again, then only they are folded on top of the cached state', async () => {
    const store = createInMemoryEventStore();
    await writeEvent(store, opened.type, opened.data, idOf('command-1'));
    const loader = createStreamLoader(store, accountKind);
    await loaded(loader);
    await writeEvent(store, enabled.type, enabled.data, idOf('command-2'));

    const snapshot = await loaded(loader);

    expect(snapshot.revision).toBe(1n);
    expect(snapshot.state).toMatchObject({ status: 'OPEN', newEnrollmentEnabled: true });
    expect([idOf('command-1'), idOf('command-2'), idOf('command-3')].map((id) => snapshot.commandIds.repeatOf(id, digest(id)))).toEqual(['SAME', 'SAME', 'NEW']);
  });

  it('given a snapshot, when events are remembered after it, then the new snapshot knows their command ids and the older one still answers for its own revision', async () => {
    const store = createInMemoryEventStore();
    await writeEvent(store, opened.type, opened.data, idOf('command-1'));
    const loader = createStreamLoader(store, accountKind);
    const before = await loaded(loader);

    const after = loader.remember(before, [
      { event: enabled, metadata: { commandId: idOf('command-2'), commandDigest: digest(idOf('command-2')) } },
      { event: disabled, metadata: { commandId: idOf('command-3'), commandDigest: digest(idOf('command-3')) } },
    ]);

    expect(after.revision).toBe(2n);
    expect([idOf('command-1'), idOf('command-2'), idOf('command-3')].map((id) => after.commandIds.repeatOf(id, digest(id)))).toEqual(['SAME', 'SAME', 'SAME']);
    expect([idOf('command-1'), idOf('command-2'), idOf('command-3')].map((id) => before.commandIds.repeatOf(id, digest(id)))).toEqual(['SAME', 'NEW', 'NEW']);
    expect(await loaded(loader)).toBe(after);
  });

  it('given a cache of one stream, when another stream evicts it, then it is read again in full and knows every command id', async () => {
    const store = createInMemoryEventStore();
    await writeEvent(store, opened.type, opened.data, idOf('command-1'));
    await writeEvent(store, enabled.type, enabled.data, idOf('command-2'));
    const loader = createStreamLoader(store, accountKind, { entries: 1, bytes: Number.POSITIVE_INFINITY });
    const first = await loaded(loader);
    await loader.load('Account-other');

    const reloaded = await loaded(loader);

    expect(reloaded).not.toBe(first);
    expect(reloaded.revision).toBe(1n);
    expect([idOf('command-1'), idOf('command-2')].map((id) => reloaded.commandIds.repeatOf(id, digest(id)))).toEqual(['SAME', 'SAME']);
  });

  it('given a recorded command id, when a command under it is compared, then SAME only with the recorded digest, and REUSED with another or with none recorded', async () => {
    const store = createInMemoryEventStore();
    await writeEvent(store, opened.type, opened.data, idOf('command-1'));
    await writeEvent(store, enabled.type, enabled.data, idOf('command-2'), {});
    const snapshot = await loaded(createStreamLoader(store, accountKind));

    expect(snapshot.commandIds.repeatOf(idOf('command-1'), digest(idOf('command-1')))).toBe('SAME');
    expect(snapshot.commandIds.repeatOf(idOf('command-1'), 'another digest')).toBe('REUSED');
    expect(snapshot.commandIds.repeatOf(idOf('command-2'), digest(idOf('command-2')))).toBe('REUSED');
    expect(snapshot.commandIds.repeatOf(idOf('command-3'), digest(idOf('command-3')))).toBe('NEW');
  });

  it('given any history of command ids (repeated within a command, reused by another), when asked again and again at any revision, then each answer is that of the id\'s first event, the first time (a scan) and later (an index)', async () => {
    const pool = [1, 2, 3, 4, 5].map((n) => idOf(`command-${n}`));
    const entry = fc.record({ id: fc.constantFrom(...pool), digest: fc.constantFrom('a', 'b', undefined) });
    const query = fc.record({ id: fc.constantFrom(...pool), digest: fc.constantFrom('a', 'b'), older: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 12 }), fc.array(query, { minLength: 1, maxLength: 8 }), async (history, queries) => {
        // given: the account opened, then events under the drawn ids, the last one remembered after the load
        const store = createInMemoryEventStore();
        await writeEvent(store, opened.type, opened.data, idOf('opening'));
        const [newest, ...older] = [...history].reverse();
        for (const { id, digest: recorded } of older.reverse()) {
          await writeEvent(store, enabled.type, enabled.data, id, recorded === undefined ? {} : { commandDigest: recorded });
        }
        const loader = createStreamLoader(store, accountKind);
        const before = await loaded(loader);
        const after = newest === undefined ? before : loader.remember(before, [{ event: enabled, metadata: newest.digest === undefined ? { commandId: newest.id } : { commandId: newest.id, commandDigest: newest.digest } }]);
        // the model: the id's first event, if the snapshot holds it
        const expected = (id: string, digest: string, upTo: number) => {
          const first = history.findIndex((each) => each.id === id);
          if (first === -1 || first >= upTo) return 'NEW';
          return history[first]?.digest === digest ? 'SAME' : 'REUSED';
        };
        // then
        for (const { id, digest: asked, older: atOlder } of queries) {
          const snapshot = atOlder ? before : after;
          expect(snapshot.commandIds.repeatOf(id, asked)).toBe(expected(id, asked, atOlder ? history.length - 1 : history.length));
        }
      }),
      { numRuns: 200 },
    );
  });

  describe('bounded in bytes', () => {
    const otherStream = `Account-${idOf('other:account')}`;

    it('given a byte budget that holds one folded stream but not two, when a second stream is loaded, then the first is evicted and read again in full', async () => {
      const store = createInMemoryEventStore();
      await writeEvent(store, opened.type, opened.data, idOf('command-1'));
      const oneStream = await loaded(createStreamLoader(store, accountKind));
      const probe = createStreamLoader(store, accountKind);
      await probe.load(streamName);
      const bytesOfOne = probe.cachedBytes();
      const loader = createStreamLoader(store, accountKind, { entries: 100, bytes: bytesOfOne * 1.5 });
      const first = await loaded(loader);
      expect(first.state).toEqual(oneStream.state);

      const otherOpened = { ...opened.data, accountId: idOf('other:account') };
      await store.appendToStream(otherStream, [{ eventId: idOf('other:event'), type: opened.type, data: otherOpened, metadata: { commandId: idOf('other:command') } }], { expectedRevision: 'NO_STREAM' })();
      await loader.load(otherStream);
      const again = await loaded(loader);

      expect(again).not.toBe(first);
      expect([again.state, again.revision]).toEqual([first.state, first.revision]);
      expect(loader.cachedBytes()).toBeLessThanOrEqual(bytesOfOne * 1.5);
    });

    it('given a stream whose command log alone exceeds the budget, when it is loaded, then it is answered but not kept', async () => {
      const store = createInMemoryEventStore();
      await writeEvent(store, opened.type, opened.data, idOf('command-1'));
      for (let n = 2; n <= 20; n += 1) await writeEvent(store, n % 2 === 0 ? enabled.type : disabled.type, { accountId }, idOf(`command-${n}`));
      const loader = createStreamLoader(store, accountKind, { entries: 100, bytes: 5 * COMMAND_LOG_ENTRY_BYTES });

      const first = await loaded(loader);
      const second = await loaded(loader);

      expect(first.revision).toBe(19n);
      expect(second).not.toBe(first);
      expect(loader.cachedBytes()).toBe(0);
    });

    it('given streams with longer histories, when loaded, then the estimate grows with the command ids each holds', async () => {
      const store = createInMemoryEventStore();
      await writeEvent(store, opened.type, opened.data, idOf('command-1'));
      const loader = createStreamLoader(store, accountKind);
      await loader.load(streamName);
      const short = loader.cachedBytes();
      for (let n = 2; n <= 11; n += 1) await writeEvent(store, enabled.type, { accountId }, idOf(`command-${n}`));

      await loader.load(streamName);

      expect(loader.cachedBytes() - short).toBeGreaterThanOrEqual(10 * COMMAND_LOG_ENTRY_BYTES);
    });
  });
});
