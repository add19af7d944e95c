import type { Either } from 'fp-ts/Either';
import type { DomainError } from './errors';

/**
 * An aggregate as three plain functions and a value (Chassaing's Decider): `evolve` folds a
 * history that is a fact and never fails; `decide` holds every rule and answers with the
 * events that happen, or the reason why not. `Context` carries what the decision needs from
 * other aggregates and from outside (the time, the policy), loaded by the command handler.
 */
export type Decider<Command, State, Event, Context> = Readonly<{
  initialState: State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State, context: Context) => Either<DomainError, readonly Event[]>;
}>;

export const fold = <State, Event>(
  decider: Pick<Decider<unknown, State, Event, unknown>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState);
