import * as E from 'fp-ts/Either';
import { createInMemoryEventStore, type EventStore } from '@ssp/eventstore';
import { accountKind } from './aggregates';
import { createStreamLoader, type StreamLoader, type StreamSnapshot } from './stream-loader';
import { idOf } from './testing';

/** The cached loader on its own: what a warm handler does on each command. */
const accountId = idOf('acme:account');
const streamName = `Account-${accountId}`;
const opened = { type: 'AccountOpened' as const, data: { accountId, name: 'Acme', edition: 'ENTERPRISE' as const, ownerAdminId: idOf('acme:owner') } };
const enabled = { type: 'NewEnrollmentEnabled' as const, data: { accountId } };
const disabled = { type: 'NewEnrollmentDisabled' as const, data: { accountId } };

const writeEvent = async (store: EventStore, type: string, data: Readonly<Record<string, string>>, commandId: string) => {
  const written = await store.appendToStream(streamName, [{ eventId: idOf(`event:${commandId}`), type, data, metadata: { commandId } }], { expectedRevision: 'ANY' })();
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
    expect([idOf('command-1'), idOf('command-2'), idOf('command-3')].map((id) => snapshot.commandIds.has(id))).toEqual([true, true, false]);
  });

  it('given a snapshot, when events are remembered after it, then the new snapshot knows their command ids and the older one still answers for its own revision', async () => {
    const store = createInMemoryEventStore();
    await writeEvent(store, opened.type, opened.data, idOf('command-1'));
    const loader = createStreamLoader(store, accountKind);
    const before = await loaded(loader);

    const after = loader.remember(before, [
      { event: enabled, metadata: { commandId: idOf('command-2') } },
      { event: disabled, metadata: { commandId: idOf('command-3') } },
    ]);

    expect(after.revision).toBe(2n);
    expect([idOf('command-1'), idOf('command-2'), idOf('command-3')].map((id) => after.commandIds.has(id))).toEqual([true, true, true]);
    expect([idOf('command-1'), idOf('command-2'), idOf('command-3')].map((id) => before.commandIds.has(id))).toEqual([true, false, false]);
    expect(await loaded(loader)).toBe(after);
  });

  it('given a cache of one stream, when another stream evicts it, then it is read again in full and knows every command id', async () => {
    const store = createInMemoryEventStore();
    await writeEvent(store, opened.type, opened.data, idOf('command-1'));
    await writeEvent(store, enabled.type, enabled.data, idOf('command-2'));
    const loader = createStreamLoader(store, accountKind, 1);
    const first = await loaded(loader);
    await loader.load('Account-other');

    const reloaded = await loaded(loader);

    expect(reloaded).not.toBe(first);
    expect(reloaded.revision).toBe(1n);
    expect([idOf('command-1'), idOf('command-2')].map((id) => reloaded.commandIds.has(id))).toEqual([true, true]);
  });
});
