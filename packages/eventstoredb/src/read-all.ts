import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as TE from 'fp-ts/TaskEither';
import { comparePositions, type RecordedEvent, type StoreError, type ValidReadAllOptions } from '@ssp/eventstore';
import type { ClientPosition, ClientReads, ClientRecordedEvent } from './client-shape';
import { isDeliverable } from './event-filter';
import { fromClientEvent } from './event-mapping';
import { collect } from './read-stream';

/**
 * One page of `$all`. Filtering happens here, not on the server: `@eventstore/db-client` 6.x
 * offers no filter on `readAll` (only on subscriptions), and one code path for both clients
 * is worth more than the bandwidth. `$all` is therefore read in pages of raw events until the
 * page holds `maxCount` deliverable ones or the log ends; a filter on a rare category costs a
 * scan of everything after `from`, so global readers should start from a recent position.
 */
export const RAW_PAGE_SIZE = 512;

type Scan = Readonly<{ found: readonly RecordedEvent[]; resumeAfter: ClientPosition | undefined }>;

/** `options` were checked by the port's shared rules (see `guardedEventStore`); absent `maxCount` reads all. */
export const readAll = (client: ClientReads, options: ValidReadAllOptions): TE.TaskEither<StoreError, readonly RecordedEvent[]> => {
  const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
  const scanPage = (
    fromPosition: ClientPosition | 'start',
    skipUpTo: ClientPosition | undefined,
    found: readonly RecordedEvent[],
  ): TE.TaskEither<StoreError, readonly RecordedEvent[]> =>
    pipe(
      collect(() => client.readAll({ fromPosition, maxCount: RAW_PAGE_SIZE, direction: 'forwards' })),
      TE.chainEitherK((page) => sortPage(page, skipUpTo, found, maxCount, options)),
      TE.chain(({ found: foundSoFar, resumeAfter }) =>
        resumeAfter === undefined || foundSoFar.length >= maxCount
          ? TE.right(foundSoFar)
          : // `fromPosition` is inclusive: the next page starts at the last raw event and skips it.
            scanPage(resumeAfter, resumeAfter, foundSoFar),
      ),
    );
  return scanPage(options.from, undefined, []);
};

const sortPage = (
  page: readonly ClientRecordedEvent[],
  skipUpTo: ClientPosition | undefined,
  foundBefore: readonly RecordedEvent[],
  maxCount: number,
  options: ValidReadAllOptions,
): E.Either<StoreError, Scan> => {
  const found = [...foundBefore];
  for (const event of page) {
    if (found.length >= maxCount) break;
    if (skipUpTo !== undefined && event.position !== undefined && comparePositions(event.position, skipUpTo) <= 0) continue;
    if (!isDeliverable(event, options.filter)) continue;
    const decoded = fromClientEvent(event);
    if (E.isLeft(decoded)) return decoded;
    found.push(decoded.right);
  }
  const lastRaw = page.at(-1);
  if (page.length < RAW_PAGE_SIZE || lastRaw === undefined) return E.right({ found, resumeAfter: undefined });
  if (lastRaw.position === undefined) {
    return E.left({ kind: 'Failure', message: `the server sent $all event ${lastRaw.id} without a position` });
  }
  return E.right({ found, resumeAfter: lastRaw.position });
};
