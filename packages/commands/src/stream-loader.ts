import * as E from 'fp-ts/Either';
import { readDomainEvent, type DomainEvent, type UndecodableEvent } from '@ssp/domain';
import { storedHashOf, type EventStore, type JsonObject, type StoreError } from '@ssp/eventstore';
import type { AggregateKind } from './aggregates';
import { COMMAND_LOG_ENTRY_BYTES, createRetainedBytesMeter } from './retained-bytes';

/** A stream folded to its current state, with what appending after it needs to know. */
export type StreamSnapshot<S> = Readonly<{
  streamName: string;
  state: S;
  /** Revision of the last event, or -1 when the stream has none. */
  revision: bigint;
  lastHash: string | undefined;
  /** Command ids already recorded in this stream: a repeat changes nothing. */
  commandIds: CommandIds;
}>;

/**
 * The command ids recorded up to a snapshot's revision, each with the digest of the command
 * that used it. Successive snapshots of a stream share one log of (command id, first revision,
 * digest), so remembering an append costs the appended events, not a copy of every id the
 * stream ever held.
 */
export type CommandIds = Readonly<{
  /** How a command under `commandId` with `digest` compares with what the stream recorded. */
  repeatOf: (commandId: string, digest: string) => Repeat;
}>;

/**
 * `NEW`: the id is not in the stream. `SAME`: the same command, from the same actor, was
 * recorded under it: a retry. `REUSED`: the id was used for another command (or by an event
 * written before digests were recorded, which cannot be compared, and so is not trusted).
 */
export type Repeat = 'NEW' | 'SAME' | 'REUSED';

// Revisions in the log are numbers: a stream would need 2^53 events to outgrow them, and
// folding compares one per event, where bigint arithmetic would cost more than the fold.
/**
 * The command id of every event folded, with its revision and digest, in the order folded:
 * parallel arrays, so that folding an event costs three pushes, not an object and a map
 * entry. Most logs are asked about once (a load with the cache off, a cold load), and a scan
 * is cheaper than building an index of ids first; a log asked about again (a cached stream
 * takes a command after a command) is indexed by id then, and the index kept up with later
 * pushes.
 */
type CommandLog = {
  readonly ids: string[];
  readonly revisions: number[];
  readonly digests: Array<string | undefined>;
  queries: number;
  /** Each id's entry with the lowest revision, over the first `indexed` entries; made on the second question. */
  index: Map<string, number> | undefined;
  indexed: number;
};

const newCommandLog = (): CommandLog => ({ ids: [], revisions: [], digests: [], queries: 0, index: undefined, indexed: 0 });

const record = (log: CommandLog, commandId: string, revision: number, digest: string | undefined): void => {
  log.ids.push(commandId);
  log.revisions.push(revision);
  log.digests.push(digest);
};

/** The entry of `commandId` with the lowest revision (a command may append several events, and a refold may add one twice). */
const lowestEntryOf = (log: CommandLog, commandId: string): number | undefined => {
  log.queries += 1;
  if (log.queries === 1) {
    let found: number | undefined;
    for (let i = 0; i < log.ids.length; i += 1) {
      if (log.ids[i] === commandId && (found === undefined || (log.revisions[i] ?? 0) < (log.revisions[found] ?? 0))) found = i;
    }
    return found;
  }
  const index = log.index ?? new Map<string, number>();
  log.index = index;
  for (; log.indexed < log.ids.length; log.indexed += 1) {
    const id = log.ids[log.indexed] ?? '';
    const known = index.get(id);
    if (known === undefined || (log.revisions[log.indexed] ?? 0) < (log.revisions[known] ?? 0)) index.set(id, log.indexed);
  }
  return index.get(commandId);
};

const commandIdsUpTo = (log: CommandLog, revision: number): CommandIds => ({
  repeatOf: (commandId, digest) => {
    const entry = lowestEntryOf(log, commandId);
    if (entry === undefined || (log.revisions[entry] ?? Infinity) > revision) return 'NEW';
    return log.digests[entry] === digest ? 'SAME' : 'REUSED';
  },
});

export type LoadError = StoreError | UndecodableEvent;

/** A decoded event with the metadata it was stored with. */
export type EventWithMetadata = Readonly<{ event: DomainEvent; metadata: JsonObject }>;

export type StreamLoader<S> = Readonly<{
  load: (streamName: string) => Promise<E.Either<LoadError, StreamSnapshot<S>>>;
  /** Records events this process has just appended, so the next load reads nothing new. */
  remember: (snapshot: StreamSnapshot<S>, appended: readonly EventWithMetadata[]) => StreamSnapshot<S>;
  /** The estimated bytes the cache holds now. */
  cachedBytes: () => number;
}>;

const commandIdOf = (metadata: JsonObject): string | undefined =>
  typeof metadata.commandId === 'string' ? metadata.commandId : undefined;

const commandDigestOf = (metadata: JsonObject): string | undefined =>
  typeof metadata.commandDigest === 'string' ? metadata.commandDigest : undefined;

/** How much a loader's cache may hold: folded streams, and their estimated bytes. */
export type CacheLimits = Readonly<{ entries: number; bytes: number }>;

export const defaultCacheLimits: CacheLimits = { entries: 10_000, bytes: 64 * 1024 * 1024 };

/**
 * Loads one kind of stream through a cache of folded states, reading only the events appended
 * since the cached revision: a user with 10,000 events costs one short read, like a user with
 * 10. The cache is bounded in entries and in estimated bytes (a state, plus its stream's log of
 * command ids, which grows with the stream), least recently used out first. It is only a
 * shortcut: every append states the revision it decided on, so a stale entry is caught by the
 * store, and a stream too large for the whole budget is simply not kept.
 */
export const createStreamLoader = <S, Ev extends DomainEvent>(
  store: EventStore,
  kind: AggregateKind<S, Ev>,
  limits: CacheLimits = defaultCacheLimits,
): StreamLoader<S> => {
  const cache = new Map<string, Readonly<{ snapshot: StreamSnapshot<S>; bytes: number }>>();
  const logs = new WeakMap<StreamSnapshot<S>, CommandLog>();
  let cachedBytes = 0;
  const bytesOfState = createRetainedBytesMeter();

  const forget = (streamName: string): void => {
    const entry = cache.get(streamName);
    if (entry === undefined) return;
    cache.delete(streamName);
    cachedBytes -= entry.bytes;
  };

  const put = (snapshot: StreamSnapshot<S>): StreamSnapshot<S> => {
    // A cache turned off keeps nothing, and need not estimate what it would have kept.
    if (limits.entries <= 0 || limits.bytes <= 0) return snapshot;
    forget(snapshot.streamName);
    const bytes = bytesOfState(snapshot.state) + (logs.get(snapshot)?.ids.length ?? 0) * COMMAND_LOG_ENTRY_BYTES;
    cache.set(snapshot.streamName, { snapshot, bytes });
    cachedBytes += bytes;
    for (const oldest of cache.keys()) {
      if (cache.size <= limits.entries && cachedBytes <= limits.bytes) break;
      forget(oldest);
    }
    return snapshot;
  };

  /**
   * Folds events onto a snapshot one at a time, in one pass: the state with the decider's own
   * `evolve` (what the domain's `fold` does), and the log of command ids. No array of the
   * stream's events is built on the way, which is what a cold load of a long stream costs.
   */
  const folding = (snapshot: StreamSnapshot<S>) => {
    // Every snapshot comes from `empty` or from here, so its log is always known.
    const log: CommandLog = logs.get(snapshot) ?? newCommandLog();
    let { state } = snapshot;
    // Only the newest event's hash links the next append: its metadata is kept, and read once at the end.
    let newestMetadata: JsonObject | undefined;
    let revision = Number(snapshot.revision);
    return {
      add: (event: DomainEvent, metadata: JsonObject): void => {
        if (kind.owns(event)) state = kind.evolve(state, event);
        revision += 1;
        const commandId = commandIdOf(metadata);
        if (commandId !== undefined) record(log, commandId, revision, commandDigestOf(metadata));
        newestMetadata = metadata;
      },
      done: (): StreamSnapshot<S> => {
        if (revision === Number(snapshot.revision)) return snapshot;
        const lastHash = newestMetadata === undefined ? snapshot.lastHash : storedHashOf(newestMetadata);
        const folded = { streamName: snapshot.streamName, state, revision: BigInt(revision), lastHash, commandIds: commandIdsUpTo(log, revision) };
        logs.set(folded, log);
        return folded;
      },
    };
  };

  const foldOnto = (snapshot: StreamSnapshot<S>, events: readonly EventWithMetadata[]): StreamSnapshot<S> => {
    const folded = folding(snapshot);
    for (const { event, metadata } of events) folded.add(event, metadata);
    return folded.done();
  };

  const empty = (streamName: string): StreamSnapshot<S> => {
    const log = newCommandLog();
    const snapshot = { streamName, state: kind.initialState, revision: -1n, lastHash: undefined, commandIds: commandIdsUpTo(log, -1) };
    logs.set(snapshot, log);
    return snapshot;
  };

  return {
    cachedBytes: () => cachedBytes,
    load: async (streamName) => {
      const known = cache.get(streamName)?.snapshot ?? empty(streamName);
      const read = await store.readStream(streamName, { fromRevision: known.revision + 1n })();
      if (E.isLeft(read)) return read;
      const folded = folding(known);
      for (const recorded of read.right) {
        const event = readDomainEvent(recorded);
        if (E.isLeft(event)) return event;
        folded.add(event.right, recorded.metadata);
      }
      return E.right(put(folded.done()));
    },
    remember: (snapshot, appended) => put(foldOnto(snapshot, appended)),
  };
};
