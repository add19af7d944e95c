import assert from 'node:assert/strict';
import * as E from 'fp-ts/Either';
import type { Decider, Decision } from '../shared/decider';
import type { DomainError, ErrorCode } from '../shared/errors';

/** What a decider answered to one command. */
export type Answer<Event> = E.Either<DomainError, Decision<Event>>;

/** The `then` step: assertions on the decision, which throw an `AssertionError` when they fail. */
export type Then<State, Event> = Readonly<{
  /** The raw answer, for checks the two assertions below do not cover (the recorded actor). */
  decision: Answer<Event>;
  /**
   * Asserts that the command succeeds with exactly these events, in this order (`then([])`:
   * accepted, nothing changed). Returns the state after them, for checks on what they mean.
   */
  then: (expected: readonly Event[]) => State;
  /** Asserts that the command is refused with this code. Returns the error, to check its message. */
  thenFails: (code: ErrorCode) => DomainError;
}>;

export type When<Command, State, Event> = Readonly<{ when: (command: Command) => Then<State, Event> }>;

/**
 * The `given` step: the aggregate's own history, and the context the command handler would
 * load (other aggregates' states, the time, the policy). Deciders without a context take none.
 */
export type Given<Command, State, Event, Context> = Readonly<{
  given: (history: readonly Event[], context: Context) => When<Command, State, Event>;
}>;

const describeEvents = (events: readonly unknown[]): string =>
  events.length === 0 ? 'no events' : events.map((event) => JSON.stringify(event)).join(', ');

const outcome = <State, Event>(
  decider: Pick<Decider<never, State, Event, never>, 'evolve'>,
  state: State,
  decision: Answer<Event>,
): Then<State, Event> => ({
  decision,
  then: (expected) => {
    if (E.isLeft(decision)) {
      assert.fail(`expected ${describeEvents(expected)}, but the command was refused: ${decision.left.code}: ${decision.left.message}`);
    }
    assert.deepStrictEqual(decision.right.events, expected);
    return decision.right.events.reduce(decider.evolve, state);
  },
  thenFails: (code) => {
    if (E.isRight(decision)) assert.fail(`expected ${code}, but the command succeeded with ${describeEvents(decision.right.events)}`);
    assert.equal(decision.left.code, code, `expected ${code}, but the command was refused with ${decision.left.code}: ${decision.left.message}`);
    return decision.left;
  },
});

/**
 * A given / when / then specification of a decider:
 *
 * ```ts
 * decide(accountDecider).given([accountOpened]).when(changeEdition).then([editionChanged]);
 * decide(userDevicesDecider).given(history, context).when(removeDevice).thenFails('LAST_DEVICE');
 * ```
 *
 * `given` folds the history with the decider's own `evolve`, so a test states facts as events,
 * exactly as they would be stored, and never builds a state by hand.
 */
export function decide<Command, State, Event>(decider: Decider<Command, State, Event, unknown>): Given<Command, State, Event, void>;
export function decide<Command, State, Event, Context>(decider: Decider<Command, State, Event, Context>): Given<Command, State, Event, Context>;
export function decide<Command, State, Event, Context>(decider: Decider<Command, State, Event, Context>): Given<Command, State, Event, Context> {
  return {
    given: (history, context) => {
      const state = history.reduce(decider.evolve, decider.initialState);
      return { when: (command) => outcome(decider, state, decider.decide(command, state, context)) };
    },
  };
}
