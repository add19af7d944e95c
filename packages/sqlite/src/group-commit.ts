import type * as E from 'fp-ts/Either';
import type { AppendResult, StoreError } from '@ssp/eventstore';
import type { AppendRequest, Appender } from './append';

type Waiting = Readonly<{ request: AppendRequest; settle: (result: E.Either<StoreError, AppendResult>) => void }>;

export type GroupCommit = Readonly<{
  /** Queues an append; it settles once the group it joined has committed (or failed). */
  append: (request: AppendRequest) => Promise<E.Either<StoreError, AppendResult>>;
  /** Commits the appends waiting now, at once: before the connection closes. */
  flush: () => void;
}>;

/**
 * Group commit: the appends requested while the event loop is busy (the commands in flight
 * that reached their append in this turn) are written together in one transaction, so that at
 * full durability they share one fsync instead of paying one each, and each is acknowledged
 * only after that commit. One command at a time pays a turn of the event loop for it; many in
 * flight are written in groups as large as there are appends waiting (at most `maxGroup`).
 */
export const createGroupCommit = (
  appender: Appender,
  afterCommit: (results: ReadonlyArray<E.Either<StoreError, AppendResult>>, requests: readonly AppendRequest[]) => void,
  maxGroup = 1_000,
): GroupCommit => {
  const waiting: Waiting[] = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    while (waiting.length > 0) {
      const group = waiting.splice(0, maxGroup);
      const requests = group.map(({ request }) => request);
      const [only] = requests;
      const results = requests.length === 1 && only !== undefined ? [appender.one(only)] : appender.group(requests);
      afterCommit(results, requests);
      group.forEach(({ settle }, i) => {
        const result = results[i];
        if (result !== undefined) settle(result);
      });
    }
  };

  return {
    append: (request) =>
      new Promise((settle) => {
        waiting.push({ request, settle });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }),
    flush,
  };
};
