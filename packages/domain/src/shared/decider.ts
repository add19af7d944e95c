import type { Either } from 'fp-ts/Either';
import type { RecordedActor } from './actor';
import type { DomainError } from './errors';

/**
 * What a decider answers when it accepts a command: the events that happen (none when nothing
 * changes), and who did it as history will record it — an administrator with the role the
 * account gives them, a user with the session and the step-up (or first-device exemption) that
 * authorised the change. The actor comes from the same judgement as the events, so nobody
 * decides a second time to learn it.
 */
export type Decision<Event> = Readonly<{ events: readonly Event[]; actor: RecordedActor }>;

/** Pairs the events of an accepted command with the actor that history records. */
export const decidedBy =
  <Event>(actor: RecordedActor) =>
  (events: readonly Event[]): Decision<Event> => ({ events, actor });

/**
 * An aggregate as three plain functions and a value (Chassaing's Decider): `evolve` folds a
 * history that is a fact and never fails; `decide` holds every rule and answers with the
 * events that happen, or the reason why not. `Context` carries what the decision needs from
 * other aggregates and from outside (the time, the policy), loaded by the command handler.
 */
export type Decider<Command, State, Event, Context> = Readonly<{
  initialState: State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State, context: Context) => Either<DomainError, Decision<Event>>;
}>;

export const fold = <State, Event>(
  decider: Pick<Decider<unknown, State, Event, unknown>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState);
