import * as E from 'fp-ts/Either';
import type { CommandError } from '@ssp/commands';
import type { StoreError } from '@ssp/eventstore';
import type { PortalServices } from '../services';
import { organisationCommands } from './organisation';

export type SeedOutcome = Readonly<{ seeded: boolean; events: number }>;

export type SeedError =
  | Readonly<{ kind: 'StoreError'; error: StoreError }>
  | Readonly<{ kind: 'CommandRefused'; commandType: string; error: CommandError }>;

/**
 * Seeds the organisation into an empty store, through the command handler like any other
 * change; a store that holds any event is left as it is.
 */
export const seedIfEmpty = async (services: PortalServices): Promise<E.Either<SeedError, SeedOutcome>> => {
  const first = await services.events.readAll({ maxCount: 1 })();
  if (E.isLeft(first)) return E.left({ kind: 'StoreError', error: first.left });
  if (first.right.length > 0) return E.right({ seeded: false, events: 0 });
  let events = 0;
  for (const command of organisationCommands()) {
    const result = await services.execute(command);
    if (!result.ok) return E.left({ kind: 'CommandRefused', commandType: command.type, error: result.error });
    events += result.events.length;
  }
  return E.right({ seeded: true, events });
};
