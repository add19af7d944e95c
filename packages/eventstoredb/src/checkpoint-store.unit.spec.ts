import * as E from 'fp-ts/Either';
import type { ClientAppendResult, ClientRead } from './client-shape';
import { createEventStoreDbCheckpointStore, type CheckpointClient } from './checkpoint-store';

// The checkpoint store's deadlines against clients that never answer, on Jest's clock:
// checkpoint-store.deadlines.spec.ts shows the same over gRPC with a frozen server.
const DEADLINE_MS = 1_000;
const POSITION = { commit: 7n, prepare: 7n };

const never = <A>(): Promise<A> => new Promise<A>(() => undefined);

const silentRead: ClientRead = { [Symbol.asyncIterator]: () => ({ next: never }) };

const appended: ClientAppendResult = { success: true, nextExpectedRevision: 0n, position: POSITION };

/** A client whose calls are recorded, and which answers only what `answers` says. */
const recordingClient = (answers: Readonly<{ metadata: () => Promise<unknown> }> = { metadata: async () => appended }) => {
  const calls: unknown[][] = [];
  const client: CheckpointClient = {
    readStream: (...args) => {
      calls.push(['readStream', ...args]);
      return silentRead;
    },
    appendToStream: async (...args) => {
      calls.push(['appendToStream', ...args]);
      return appended;
    },
    setStreamMetadata: (...args) => {
      calls.push(['setStreamMetadata', ...args]);
      return answers.metadata();
    },
  };
  return { client, calls };
};

/** What a task answered, once the clock has moved past the deadline. */
const afterDeadline = async <A>(pending: Promise<A>): Promise<A> => {
  await jest.advanceTimersByTimeAsync(DEADLINE_MS + 1);
  return pending;
};

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('deadlines of the EventStoreDB checkpoint store', () => {
  it('given a read that never yields, when reading a checkpoint, then it answers Unavailable once the deadline passes', async () => {
    const { client } = recordingClient();
    const checkpoints = createEventStoreDbCheckpointStore(client, { deadlineMs: DEADLINE_MS });

    const result = await afterDeadline(checkpoints.read('Balances')());

    expect(result).toEqual(E.left({ kind: 'Unavailable', message: expect.stringContaining(`within ${DEADLINE_MS} ms`) }));
  });

  it('given stream metadata that gets no answer, when saving, then the save answers Unavailable and the next save sets the metadata again', async () => {
    let metadataAnswers = false;
    const { client, calls } = recordingClient({ metadata: () => (metadataAnswers ? Promise.resolve(appended) : never()) });
    const checkpoints = createEventStoreDbCheckpointStore(client, { deadlineMs: DEADLINE_MS });

    expect(await afterDeadline(checkpoints.save('Balances', POSITION)())).toEqual(E.left(expect.objectContaining({ kind: 'Unavailable' })));
    metadataAnswers = true;

    expect(await checkpoints.save('Balances', POSITION)()).toEqual(E.right(undefined));
    expect(calls.map(([name]) => name)).toEqual(['setStreamMetadata', 'setStreamMetadata', 'appendToStream']);
  });

  it('given a deadline, when saving, then both writes hand it to the client as their deadline', async () => {
    const { client, calls } = recordingClient();
    const checkpoints = createEventStoreDbCheckpointStore(client, { deadlineMs: DEADLINE_MS });

    await checkpoints.save('Balances', POSITION)();

    expect(calls.map((call) => call.at(-1))).toEqual([{ deadline: DEADLINE_MS }, { deadline: DEADLINE_MS }]);
  });

  it('given no deadline, when saving, then the default of 10 s is handed to the client', async () => {
    const { client, calls } = recordingClient();

    await createEventStoreDbCheckpointStore(client).save('Balances', POSITION)();

    expect(calls.map((call) => call.at(-1))).toEqual([{ deadline: 10_000 }, { deadline: 10_000 }]);
  });

  it.each([0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'given the impossible deadline %p, when reading or saving, then each answers Failure naming the deadline without calling the server',
    async (deadlineMs) => {
      const { client, calls } = recordingClient();
      const checkpoints = createEventStoreDbCheckpointStore(client, { deadlineMs });

      const refusal = E.left({ kind: 'Failure', message: expect.stringContaining('deadline') });
      expect(await checkpoints.read('Balances')()).toEqual(refusal);
      expect(await checkpoints.save('Balances', POSITION)()).toEqual(refusal);
      expect(calls).toEqual([]);
    },
  );
});
