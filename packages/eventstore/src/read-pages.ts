import * as E from 'fp-ts/Either';
import type { EventFilter, EventStore, Position, RecordedEvent, StoreError } from './port';
import { comparePositions } from './position';

/**
 * The global order strictly after `after`, page by page, for readers that walk the whole
 * history (a projection catching up, an auditor's replay). `readAll` reads from a position
 * inclusive, so each page after the first asks for one event more than it keeps and drops the
 * one already seen. Ends after the first page with nothing new, or with a failed read, yielded
 * as a `Left`.
 */
export async function* pagesAfter(
  store: Pick<EventStore, 'readAll'>,
  after: Position | 'start',
  pageSize: number,
  filter?: EventFilter,
): AsyncGenerator<E.Either<StoreError, readonly RecordedEvent[]>> {
  let from = after;
  for (;;) {
    const seen = from;
    const page = await store.readAll({ from, maxCount: seen === 'start' ? pageSize : pageSize + 1, ...(filter === undefined ? {} : { filter }) })();
    if (E.isLeft(page)) {
      yield page;
      return;
    }
    const fresh = seen === 'start' ? page.right : page.right.filter((event) => comparePositions(event.position, seen) > 0);
    const last = fresh[fresh.length - 1];
    if (last === undefined) return;
    yield E.right(fresh);
    from = last.position;
  }
}
