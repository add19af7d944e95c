import assert from 'node:assert/strict';
import * as E from 'fp-ts/Either';
import { createInMemoryEventStore, createInMemoryReadModelStore, type EventStore, type JsonObject, type ReadModelStore } from '@ssp/eventstore';
import { createProjectionRunner } from '../runner/runner';
import type { ProjectionError } from '../runner/errors';
import type { Projection } from '../runner/projection';

/** An event to store as it is, metadata and all: for hand-built and deliberately odd histories. */
export type GivenEvent = Readonly<{ streamName: string; eventId?: string; type: string; data: JsonObject; metadata: JsonObject }>;

export type ProjectionStage<Doc extends object> = Readonly<{
  /** More events, appended after the projection has caught up with the ones before. */
  when: (...events: readonly GivenEvent[]) => ProjectionStage<Doc>;
  /** Catches up and answers every document by id. */
  documents: () => Promise<Readonly<Record<string, Doc>>>;
  /** Catches up and asserts that the documents are exactly these. */
  then: (expected: Readonly<Record<string, Doc>>) => Promise<void>;
  /** Catches up and asserts that the projection stops; answers why. */
  thenStops: () => Promise<ProjectionError>;
}>;

const append = async (store: EventStore, events: readonly GivenEvent[]): Promise<void> => {
  for (const { streamName, eventId, type, data, metadata } of events) {
    const id = eventId ?? (typeof metadata.eventId === 'string' ? metadata.eventId : undefined);
    assert.ok(id !== undefined, `given event ${type} needs an eventId`);
    const appended = await store.appendToStream(streamName, [{ eventId: id, type, data, metadata }], { expectedRevision: 'ANY' })();
    assert.ok(E.isRight(appended), `could not append the given ${type}`);
  }
};

/**
 * Given/when/then for a projection: given a history (events, or a store that already holds
 * them), when more events arrive, then these documents. Runs the real runner over in-memory
 * stores; the `when` step proves that catching up incrementally gives what a full run gives.
 */
export const projectionSpec = <Doc extends object>(projection: Projection<Doc>) => {
  const stage = (store: EventStore, readModels: ReadModelStore, steps: ReadonlyArray<readonly GivenEvent[]>): ProjectionStage<Doc> => {
    const runner = createProjectionRunner({ events: store, readModels, batchSize: 3 });
    const play = async (): Promise<E.Either<ProjectionError, void>> => {
      for (const step of steps) {
        await append(store, step);
        const result = await runner.catchUp(projection)();
        if (E.isLeft(result)) return result;
      }
      return E.right(undefined);
    };
    const documents = async (): Promise<Readonly<Record<string, Doc>>> => {
      const played = await play();
      if (E.isLeft(played)) assert.fail(played.left.message);
      const listed = await readModels.list(projection.name)();
      if (E.isLeft(listed)) return assert.fail('the read-model store failed');
      const result: Record<string, Doc> = {};
      for (const [id, json] of listed.right) {
        const decoded = projection.document.decode(json);
        if (E.isLeft(decoded)) return assert.fail(`document ${id} does not decode`);
        result[id] = decoded.right;
      }
      return result;
    };
    return {
      when: (...events) => stage(store, readModels, [...steps, events]),
      documents,
      then: async (expected) => {
        assert.deepEqual(await documents(), expected);
      },
      thenStops: async () => {
        const played = await play();
        if (E.isRight(played)) return assert.fail(`projection ${projection.name} was expected to stop`);
        return played.left;
      },
    };
  };
  return {
    given: (...events: readonly GivenEvent[]) => stage(createInMemoryEventStore(), createInMemoryReadModelStore(), [events]),
    /** A store that already holds the history, for example one written by real commands. */
    givenStore: (store: EventStore) => stage(store, createInMemoryReadModelStore(), [[]]),
  };
};
