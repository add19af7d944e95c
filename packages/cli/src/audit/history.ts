import * as E from 'fp-ts/Either';
import type { RecordedEvent } from '@ssp/eventstore';
import { decodeHistory, readHistory, type ProjectedEvent, type UnreadableEvent } from '@ssp/projections';
import { openStoreForReading } from '../stores';
import type { Progress } from './progress';

/** Reads the whole history once from the store the `--store` option names, opened read-only, then closes it. */
export const loadHistory = async (spec: string, progress: Progress): Promise<readonly RecordedEvent[]> => {
  const store = await openStoreForReading(spec);
  try {
    const history = await readHistory(store, { onProgress: progress.reading })();
    if (E.isLeft(history)) throw new Error(`cannot read history: ${history.left.kind}${'message' in history.left ? `: ${history.left.message}` : ''}`);
    return history.right;
  } finally {
    progress.stop();
    await store.close();
  }
};

export type DecodedHistory = Readonly<{ events: readonly ProjectedEvent[]; unreadable: readonly UnreadableEvent[] }>;

export const loadDecodedHistory = async (spec: string, progress: Progress): Promise<DecodedHistory> =>
  decodeHistory(await loadHistory(spec, progress));

/** Answers built on a history with unreadable events say so, on stderr, every time. */
export const warnUnreadable = (unreadable: readonly UnreadableEvent[]): void => {
  for (const event of unreadable) {
    process.stderr.write(`warning: ${event.streamName}@${event.revision} cannot be read and is left out: ${event.reason}\n`);
  }
};
