import * as E from 'fp-ts/Either';
import type { EventStore, RecordedEvent } from '@ssp/eventstore';

const unwrap = <A>(read: E.Either<{ kind: string }, A>): A => {
  if (E.isLeft(read)) throw new Error(`the test store refused a read: ${read.left.kind}`);
  return read.right;
};

/** Everything the store holds, in global order. */
export const historyOf = async (store: EventStore): Promise<readonly RecordedEvent[]> => unwrap(await store.readAll()());

export const streamOf = async (store: EventStore, streamName: string): Promise<readonly RecordedEvent[]> =>
  unwrap(await store.readStream(streamName)());

/** Stream name, revision and type of every stored event: what "nothing was appended" compares. */
export const fingerprintOf = async (store: EventStore): Promise<readonly string[]> =>
  (await historyOf(store)).map((event) => `${event.streamName}@${event.revision}:${event.type}:${event.eventId}`);

/**
 * Runs `action` and checks that the store holds exactly what it held before, in every stream.
 * Returns what `action` returned.
 */
export const withoutAppending = async <A>(store: EventStore, action: () => Promise<A>): Promise<A> => {
  const before = await fingerprintOf(store);
  const result = await action();
  const after = await fingerprintOf(store);
  if (after.length !== before.length || after.some((entry, i) => entry !== before[i])) {
    throw new Error(`expected nothing to be appended, but the store gained: ${after.slice(before.length).join(', ')}`);
  }
  return result;
};
