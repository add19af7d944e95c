import * as E from 'fp-ts/Either';
import type { Position, StoreError } from '@ssp/eventstore';
import {
  applicationSettingsProjection,
  createProjectionRunner,
  mySettingsAndDevicesProjection,
  type FollowHandle,
  type ProjectionRunner,
  type ProjectionError,
} from '@ssp/projections';
import type { PortalStores } from '../stores/open-stores';
import { accountDirectoryProjection } from './account-directory';
import { portalSessionsProjection } from './portal-sessions';
import { createProjectionProgress, type ProjectionProgress } from './projection-progress';

export type ReadSide = Readonly<{ progress: ProjectionProgress; stop: () => Promise<void> }>;

/** The read models the pages show. The audit pages replay history instead (see services.ts). */
const followedNames = [
  mySettingsAndDevicesProjection.name,
  applicationSettingsProjection.name,
  accountDirectoryProjection.name,
  portalSessionsProjection.name,
];

const followAll = (runner: ProjectionRunner): readonly FollowHandle[] => [
  runner.follow(mySettingsAndDevicesProjection),
  runner.follow(applicationSettingsProjection),
  runner.follow(accountDirectoryProjection),
  runner.follow(portalSessionsProjection),
];

/**
 * Starts the projection subscription of the server process: each read model is followed
 * (caught up from its checkpoint, then live), and every commit moves the progress that
 * `execute` waits on. The starting checkpoints are read first, so that a wait for an event
 * already applied before this start does not wait for nothing.
 */
export const startReadSide = async (
  stores: PortalStores,
  onStopped: ((error: ProjectionError) => void) | undefined,
): Promise<E.Either<StoreError, ReadSide>> => {
  const initial = new Map<string, Position | 'start'>();
  for (const name of followedNames) {
    const checkpoint = await stores.readModels.checkpoint(name)();
    if (E.isLeft(checkpoint)) return checkpoint;
    initial.set(name, checkpoint.right);
  }
  const progress = createProjectionProgress(followedNames, initial);
  const runner = createProjectionRunner({
    events: stores.events,
    readModels: stores.readModels,
    onCommit: (projection, checkpoint) => progress.committed(projection, checkpoint),
  });
  const handles = followAll(runner);
  for (const handle of handles) {
    void handle.done.then((outcome) => {
      if (E.isLeft(outcome)) onStopped?.(outcome.left);
    });
  }
  return E.right({
    progress,
    stop: async () => {
      await Promise.all(handles.map((handle) => handle.stop()));
    },
  });
};
