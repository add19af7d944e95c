import { positionOf } from '@ssp/eventstore';
import { createProjectionProgress } from './projection-progress';

describe('the progress of the read models', () => {
  it('settles once every projection has committed at or after the position', async () => {
    const progress = createProjectionProgress(['a', 'b']);
    const waiting = progress.reached(positionOf(5n), 60_000);
    progress.committed('a', positionOf(7n));
    progress.committed('b', positionOf(5n));
    await expect(waiting).resolves.toBe('reached');
  });

  it('answers at once for a position already reached, from the starting checkpoints', async () => {
    const progress = createProjectionProgress(['a'], new Map([['a', positionOf(9n)]]));
    await expect(progress.reached(positionOf(3n), 60_000)).resolves.toBe('reached');
  });

  it('gives up after the bound when a projection stays behind', async () => {
    const progress = createProjectionProgress(['a', 'b']);
    progress.committed('a', positionOf(9n));
    await expect(progress.reached(positionOf(3n), 1)).resolves.toBe('timed-out');
  });

  it('never moves a checkpoint backwards', async () => {
    const progress = createProjectionProgress(['a']);
    progress.committed('a', positionOf(9n));
    progress.committed('a', positionOf(2n));
    await expect(progress.reached(positionOf(9n), 60_000)).resolves.toBe('reached');
  });
});
