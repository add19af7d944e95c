import * as E from 'fp-ts/Either';
import type { TaskEither } from 'fp-ts/TaskEither';
import type { EventStore, Position, RecordedEvent, StoreError } from '@ssp/eventstore';
import { comparePositions } from '@ssp/eventstore';

export type ReadProgress = (eventsRead: number) => void;

/**
 * The whole history in global order, read page by page through `readAll`. The auditor's
 * functions are pure over this list, so the CLI reads once and answers any question from it.
 */
export const readHistory =
  (store: EventStore, options: Readonly<{ pageSize?: number; onProgress?: ReadProgress }> = {}): TaskEither<StoreError, readonly RecordedEvent[]> =>
  async () => {
    const pageSize = Math.max(1, options.pageSize ?? 1000);
    const history: RecordedEvent[] = [];
    let from: Position | 'start' = 'start';
    for (;;) {
      const page: E.Either<StoreError, readonly RecordedEvent[]> = await store.readAll({ from, maxCount: pageSize + 1 })();
      if (E.isLeft(page)) return page;
      const last: RecordedEvent | undefined = history[history.length - 1];
      // `from` is inclusive: the first event of a later page is the last one already read.
      const fresh: readonly RecordedEvent[] = last === undefined ? page.right : page.right.filter((event) => comparePositions(event.position, last.position) > 0);
      if (fresh.length === 0) return E.right(history);
      history.push(...fresh);
      options.onProgress?.(history.length);
      const newest: RecordedEvent | undefined = fresh[fresh.length - 1];
      if (newest === undefined) return E.right(history);
      from = newest.position;
    }
  };
