import * as E from 'fp-ts/Either';
import { schemaVersionOf, type Command, type DomainEvent, type RecordedActor } from '@ssp/domain';
import { chainEvent, toJsonObject, type JsonObject, type NewEvent, type StoreError } from '@ssp/eventstore';
import { accepted, refused, type AttemptInputs, type AttemptResult } from './attempt';
import { storeFailure, type AppendedEvent } from './result';
import type { StreamLoader, StreamSnapshot } from './stream-loader';

export type Conflict = Readonly<{ kind: 'Conflict'; streamName: string }>;
export type AppendFailure = Conflict | StoreError;

/**
 * Gives each event the contract's metadata (the command, the time, the actor as the decider
 * recorded it) and its place in the stream's hash chain, then appends them at the revision the
 * decision was made on. A conflict is a value, for the caller to decide again on fresh state.
 */
export const appendDecided = async <S>(
  inputs: AttemptInputs,
  command: Command,
  actor: RecordedActor,
  loader: StreamLoader<S>,
  snapshot: StreamSnapshot<S>,
  events: readonly DomainEvent[],
): Promise<E.Either<AppendFailure, readonly AppendedEvent[]>> => {
  let previousHash = snapshot.lastHash;
  const prepared = events.map((event): Readonly<{ event: DomainEvent; record: NewEvent }> => {
    const eventId = inputs.newId();
    const metadata: JsonObject = toJsonObject({
      eventId,
      commandId: command.commandId,
      correlationId: command.commandId,
      causationId: command.commandId,
      commandDigest: inputs.commandDigest,
      occurredAt: inputs.now,
      schemaVersion: schemaVersionOf(event.type),
      actor,
    });
    const { record, hash } = chainEvent(previousHash, { eventId, type: event.type, data: toJsonObject(event.data), metadata });
    previousHash = hash;
    return { event, record };
  });
  const expectedRevision = snapshot.revision < 0n ? 'NO_STREAM' : snapshot.revision;
  const appended = await inputs.store.appendToStream(
    snapshot.streamName,
    prepared.map(({ record }) => record),
    { expectedRevision },
  )();
  if (E.isLeft(appended)) {
    return E.left(appended.left.kind === 'WrongExpectedRevision' ? { kind: 'Conflict', streamName: snapshot.streamName } : appended.left);
  }
  loader.remember(snapshot, prepared.map(({ event, record }) => ({ event, metadata: record.metadata })));
  return E.right(
    prepared.map(({ record }, i) => ({
      streamName: snapshot.streamName,
      revision: Number(snapshot.revision) + 1 + i,
      type: record.type,
      data: record.data,
      metadata: record.metadata,
    })),
  );
};

/** An append's outcome as the attempt's result: the events, a conflict to decide again, or the store's refusal. */
export const attemptResultOf = (appended: E.Either<AppendFailure, readonly AppendedEvent[]>): AttemptResult => {
  if (E.isRight(appended)) return accepted(appended.right);
  const failure = appended.left;
  return failure.kind === 'Conflict' ? { kind: 'conflict', streamName: failure.streamName } : refused(storeFailure(failure));
};
