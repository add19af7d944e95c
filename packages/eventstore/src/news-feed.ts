/**
 * How appends made through this process reach its live subscriptions at once. (Appends from
 * other processes cannot announce themselves here; a store that has them polls.)
 *
 * The generation counter closes the race between "read found nothing" and "start waiting":
 * a subscription notes the generation before it reads, and does not wait if it has moved.
 */
export type NewsFeed = Readonly<{
  generation(): number;
  announce(): void;
  /** Calls `listener` on the next announcement only; the returned function cancels it. */
  onNextNews(listener: () => void): () => void;
}>;

export const createNewsFeed = (): NewsFeed => {
  let generation = 0;
  const listeners = new Set<() => void>();
  return {
    generation: () => generation,
    announce: () => {
      generation += 1;
      const woken = [...listeners];
      listeners.clear();
      for (const listener of woken) listener();
    },
    onNextNews: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};
