/**
 * The test server's storage: one global log plus a per-stream index, in memory, with the
 * write rules of EventStoreDB that the adapter depends on (expected revisions, idempotent
 * retries by event id) and positions laid out the way EventStoreDB lays them out.
 */

export type LogPosition = Readonly<{ commit: bigint; prepare: bigint }>;

export type ProposedEvent = Readonly<{
  eventId: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}>;

export type StoredEvent = ProposedEvent &
  Readonly<{
    streamName: string;
    revision: bigint;
    /** .NET ticks (100 ns) since the Unix epoch, as the server sends `created`. */
    createdTicks: bigint;
    position: LogPosition;
  }>;

export type ExpectedState =
  | Readonly<{ kind: 'any' }>
  | Readonly<{ kind: 'noStream' }>
  | Readonly<{ kind: 'streamExists' }>
  | Readonly<{ kind: 'revision'; revision: bigint }>;

/** `noStream` where EventStoreDB answers "no stream" instead of a revision. */
export type CurrentRevision = bigint | 'noStream';

export type AppendOutcome =
  | Readonly<{ kind: 'success'; currentRevision: CurrentRevision; position: LogPosition | 'noPosition' }>
  | Readonly<{ kind: 'wrongExpectedVersion'; currentRevision: CurrentRevision }>;

export interface EventLog {
  append(streamName: string, expected: ExpectedState, proposed: readonly ProposedEvent[]): AppendOutcome;
  /** Every event of the stream, oldest first; empty when the stream was never written. */
  stream(streamName: string): readonly StoredEvent[];
  /** Every event in global order. */
  all(): readonly StoredEvent[];
  /** Calls `listener` after each event is appended, in order; returns the unsubscribe. */
  onAppended(listener: (event: StoredEvent) => void): () => void;
}

// A record's size on disk is roughly its payload plus a fixed header; positions advance by
// it, so that global positions are byte offsets with gaps, as in a real transaction file.
const RECORD_HEADER_BYTES = 88n;

const TICKS_PER_MILLISECOND = 10_000n;

export const createEventLog = (): EventLog => {
  const all: StoredEvent[] = [];
  const streams = new Map<string, StoredEvent[]>();
  const listeners = new Set<(event: StoredEvent) => void>();
  let nextLogPosition = 0n;

  const currentRevisionOf = (stream: readonly StoredEvent[]): CurrentRevision => stream.at(-1)?.revision ?? 'noStream';

  const satisfies = (expected: ExpectedState, current: CurrentRevision): boolean => {
    switch (expected.kind) {
      case 'any':
        return true;
      case 'noStream':
        return current === 'noStream';
      case 'streamExists':
        return current !== 'noStream';
      case 'revision':
        return current === expected.revision;
    }
  };

  /**
   * EventStoreDB treats a write whose event ids are already in the stream, at the place the
   * expectation points to, as a retry: it answers success and writes nothing.
   */
  const idempotentReplay = (
    stream: readonly StoredEvent[],
    expected: ExpectedState,
    proposed: readonly ProposedEvent[],
  ): StoredEvent | undefined => {
    const first = proposed[0];
    if (first === undefined) return undefined;
    const start =
      expected.kind === 'revision'
        ? Number(expected.revision) + 1
        : expected.kind === 'noStream'
          ? 0
          : stream.findIndex((event) => event.eventId === first.eventId);
    if (start < 0 || start + proposed.length > stream.length) return undefined;
    const sameIds = proposed.every((event, index) => stream[start + index]?.eventId === event.eventId);
    return sameIds ? stream[start + proposed.length - 1] : undefined;
  };

  const write = (streamName: string, stream: StoredEvent[], proposed: readonly ProposedEvent[]): StoredEvent[] => {
    // Events of one write share the commit position of the write (its first record) and each
    // has its own prepare position, as implicit transactions are stored by EventStoreDB.
    const commit = nextLogPosition;
    const createdTicks = BigInt(Date.now()) * TICKS_PER_MILLISECOND;
    const written = proposed.map((event, index): StoredEvent => {
      const prepare = nextLogPosition;
      nextLogPosition +=
        RECORD_HEADER_BYTES + BigInt(event.data.length + event.customMetadata.length + event.type.length);
      return {
        ...event,
        streamName,
        revision: BigInt(stream.length + index),
        createdTicks,
        position: { commit, prepare },
      };
    });
    stream.push(...written);
    all.push(...written);
    streams.set(streamName, stream);
    return written;
  };

  return {
    append: (streamName, expected, proposed) => {
      const stream = streams.get(streamName) ?? [];
      const replayed = idempotentReplay(stream, expected, proposed);
      if (replayed !== undefined) {
        return { kind: 'success', currentRevision: replayed.revision, position: replayed.position };
      }
      const current = currentRevisionOf(stream);
      if (!satisfies(expected, current)) return { kind: 'wrongExpectedVersion', currentRevision: current };
      if (proposed.length === 0) return { kind: 'success', currentRevision: current, position: 'noPosition' };
      const written = write(streamName, stream, proposed);
      for (const event of written) for (const listener of listeners) listener(event);
      const last = written[written.length - 1];
      return last === undefined
        ? { kind: 'success', currentRevision: current, position: 'noPosition' }
        : { kind: 'success', currentRevision: last.revision, position: last.position };
    },
    stream: (streamName) => streams.get(streamName) ?? [],
    all: () => all,
    onAppended: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

/** Commit first, then prepare: the order of `$all`. */
export const compareLogPositions = (a: LogPosition, b: LogPosition): number =>
  a.commit !== b.commit ? (a.commit < b.commit ? -1 : 1) : a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
