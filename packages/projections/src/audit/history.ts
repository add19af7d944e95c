import * as E from 'fp-ts/Either';
import type { TaskEither } from 'fp-ts/TaskEither';
import { pagesAfter, type EventStore, type RecordedEvent, type StoreError } from '@ssp/eventstore';

export type ReadProgress = (eventsRead: number) => void;

/**
 * The whole history in global order, read page by page through `readAll`. The auditor's
 * functions are pure over this list, so the CLI reads once and answers any question from it.
 */
export const readHistory =
  (store: EventStore, options: Readonly<{ pageSize?: number; onProgress?: ReadProgress }> = {}): TaskEither<StoreError, readonly RecordedEvent[]> =>
  async () => {
    const history: RecordedEvent[] = [];
    for await (const page of pagesAfter(store, 'start', Math.max(1, options.pageSize ?? 1000))) {
      if (E.isLeft(page)) return page;
      history.push(...page.right);
      options.onProgress?.(history.length);
    }
    return E.right(history);
  };
