import * as E from 'fp-ts/Either';
import { schemaVersionOf, type Command, type DomainEvent, type RecordedActor } from '@ssp/domain';
import type { EventStore, JsonObject, NewEvent, StoreError } from '@ssp/eventstore';
import { hashEvent } from './hash-chain';
import { toJsonObject } from './json';
import type { AppendedEvent } from './result';
import type { StreamLoader, StreamSnapshot } from './stream-loader';

export type Conflict = Readonly<{ kind: 'Conflict'; streamName: string }>;
export type AppendFailure = Conflict | StoreError;

export type AppendContext = Readonly<{
  store: EventStore;
  now: string;
  newId: () => string;
  command: Command;
  commandDigest: string;
  actor: RecordedActor;
}>;

/**
 * Gives each event the contract's metadata and its place in the stream's hash chain, then
 * appends them at the revision the decision was made on. A conflict is a value, for the
 * caller to decide again on fresh state.
 */
export const appendDecided = async <S>(
  context: AppendContext,
  loader: StreamLoader<S>,
  snapshot: StreamSnapshot<S>,
  events: readonly DomainEvent[],
): Promise<E.Either<AppendFailure, readonly AppendedEvent[]>> => {
  const { command, actor, now } = context;
  let previousHash = snapshot.lastHash;
  const prepared = events.map((event): Readonly<{ event: DomainEvent; record: NewEvent }> => {
    const eventId = context.newId();
    const data = toJsonObject(event.data);
    const withoutHash: JsonObject = toJsonObject({
      eventId,
      commandId: command.commandId,
      correlationId: command.commandId,
      causationId: command.commandId,
      commandDigest: context.commandDigest,
      occurredAt: now,
      schemaVersion: schemaVersionOf(event.type),
      actor,
      ...(previousHash === undefined ? {} : { previousHash }),
    });
    const hash = hashEvent(event.type, data, withoutHash);
    previousHash = hash;
    return { event, record: { eventId, type: event.type, data, metadata: { ...withoutHash, hash } } };
  });
  const expectedRevision = snapshot.revision < 0n ? 'NO_STREAM' : snapshot.revision;
  const appended = await context.store.appendToStream(
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
