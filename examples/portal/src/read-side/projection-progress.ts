import { comparePositions, type Position } from '@ssp/eventstore';

/** Whether every read model reached a position within the bound, or the wait gave up. */
export type Settled = 'reached' | 'timed-out';

export type ProjectionProgress = Readonly<{
  /** Told by the runner after each commit (its `onCommit`). */
  committed: (projection: string, checkpoint: Position) => void;
  /** Settles once every followed projection's checkpoint is at or after `position`, or after `boundMs`. */
  reached: (position: Position, boundMs: number) => Promise<Settled>;
}>;

type Waiter = Readonly<{ position: Position; settle: (outcome: Settled) => void }>;

/**
 * Knows how far each read model has come, so that a page rendered right after a command can
 * wait until the command's events are in every read model it may show. The runner commits a
 * checkpoint for every event it reads, including those a projection does not touch, so the
 * checkpoints reach the position of any event appended.
 */
export const createProjectionProgress = (projections: readonly string[], initial: ReadonlyMap<string, Position | 'start'> = new Map()): ProjectionProgress => {
  const checkpoints = new Map<string, Position | 'start'>(projections.map((name) => [name, initial.get(name) ?? 'start']));
  let waiters: Waiter[] = [];

  const allAt = (position: Position): boolean =>
    [...checkpoints.values()].every((checkpoint) => checkpoint !== 'start' && comparePositions(checkpoint, position) >= 0);

  const committed = (projection: string, checkpoint: Position): void => {
    const known = checkpoints.get(projection);
    if (known === undefined) return;
    if (known === 'start' || comparePositions(checkpoint, known) > 0) checkpoints.set(projection, checkpoint);
    const ready = waiters.filter((waiter) => allAt(waiter.position));
    waiters = waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.settle('reached');
  };

  const reached = (position: Position, boundMs: number): Promise<Settled> => {
    if (allAt(position)) return Promise.resolve('reached');
    return new Promise<Settled>((resolve) => {
      const timer = setTimeout(() => {
        waiters = waiters.filter((waiter) => waiter !== entry);
        resolve('timed-out');
      }, boundMs);
      const entry: Waiter = {
        position,
        settle: (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
      };
      waiters.push(entry);
    });
  };

  return { committed, reached };
};
