import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { secondsBetween, type Command } from './index';
import { actors, command, ids } from './testing';
import { registered, violations } from './testing/rules';
import { commandsOf, seeded, steps, type Step } from './testing/sequences';
import { advance, handle, type Handled, type World } from './testing/world';

/**
 * Random sequences of commands (`testing/sequences.ts`), decided and evolved through all four
 * deciders by a pure in-memory world that loads each command's context as a command handler
 * would (`testing/world.ts`): whatever happens, no state and no accepted command breaks the
 * spec's rules, written out independently of the code in `testing/rules.ts`.
 */

/** How often each outcome happened, by `<command> by <actor kind>: <OK | code>` and `<command>: <OK | code>`, plus first devices. */
type Tally = Map<string, number>;
const count = (tally: Tally, key: string): void => void tally.set(key, (tally.get(key) ?? 0) + 1);

/** A user's command in a session past its end whose step-up is still fresh: only the session's own limit protects. */
const expiredWithFreshStepUp = (world: World, c: Command): boolean => {
  const session = c.actor.kind === 'user' && c.actor.sessionId !== undefined ? world.sessions[c.actor.sessionId] : undefined;
  if (session?.status !== 'OPEN' || session.completedStepUp === undefined) return false;
  return secondsBetween(session.expiresAt, world.now) > 0 && secondsBetween(session.completedStepUp.completedAt, world.now) <= world.policy.stepUpFreshSeconds;
};

const decideOne = (tally: Tally) => (world: World, c: Command): World => {
  const handled = handle(world, c);
  const found = violations(handled);
  if (found.length > 0) throw new Error(`after ${c.type} by ${JSON.stringify(c.actor)}: ${found.join('; ')}`);
  const outcome = E.isRight(handled.decision) ? 'OK' : handled.decision.left.code;
  count(tally, `${c.type} by ${c.actor.kind}: ${outcome}`);
  count(tally, `${c.type}: ${outcome}`);
  if (expiredWithFreshStepUp(world, c)) count(tally, 'expired session with a fresh step-up');
  if (E.isRight(handled.decision) && handled.decision.right.some((event) => event.type === 'DeviceRemoved' && event.data.wasDefault)) count(tally, 'removed the default device');
  const userBefore = c.type === 'EnrollDevice' ? registered(world, c.data.userId) : undefined;
  if (c.actor.kind === 'user' && E.isRight(handled.decision) && userBefore?.phones.length === 0 && userBefore.tokens.length === 0) count(tally, 'first device');
  return handled.after;
};

const run = (sequence: readonly Step[], tally: Tally): void => {
  sequence.reduce((world, s) => (s.kind === 'advance' ? advance(world, s.seconds) : commandsOf(world, s).reduce(decideOne(tally), world)), seeded);
};

describe('invariants under random sequences of commands', () => {
  it('no state and no accepted command breaks the rules', () => {
    fc.assert(
      fc.property(steps, (sequence) => run(sequence, new Map())),
      { numRuns: 200 },
    );
  });

  describe('the sequences are not vacuous: with a fixed seed, they reach', () => {
    const reached: Tally = new Map();
    beforeAll(() => fc.sample(steps, { numRuns: 200, seed: 2017 }).forEach((sequence) => run(sequence, reached)));

    it.each([
      'first device',
      'EnrollDevice by user: OK',
      'RenameDevice by user: OK',
      'IssueDuoMobileActivation by user: OK',
      'ActivateDuoMobile by user: OK',
      'SetDefaultDevice by user: OK',
      'removed the default device',
      'RemoveDevice by user: OK',
      'RemoveDevice by user: LAST_DEVICE',
      'RemoveHardwareToken by user: LAST_DEVICE',
      'RemoveHardwareToken by user: OK',
      'RenameDevice by user: STEP_UP_REQUIRED',
      'RenameDevice by user: STEP_UP_EXPIRED',
      'expired session with a fresh step-up',
      'RenameDevice by user: SESSION_MISMATCH',
      'EnrollDevice by user: SELF_SERVICE_NOT_ENABLED',
      'EnrollDevice: DEVICE_LIMIT_REACHED',
      'RegisterUser by admin: OK',
      'CompleteStepUp by user: FORBIDDEN',
      'RemoveDevice by admin: OK',
      'AddAdministrator by admin: ROLE_NOT_PERMITTED',
      'AddAdministrator by admin: OK',
      'RemoveAdministrator by admin: LAST_OWNER',
      'ChangeAdministratorRole by admin: LAST_OWNER',
    ])('%s', (outcome) => {
      expect(reached.get(outcome) ?? 0).toBeGreaterThan(0);
    });
  });

  it('the checks catch a broken rule: a change without a step-up is reported', () => {
    const broken: Handled = {
      command: command('RenameDevice', actors.user(ids.alice, ids.session), { userId: ids.alice, deviceId: ids.mobile, name: 'x' }),
      before: seeded,
      decision: E.right([]),
      after: seeded,
    };
    expect(violations(broken)).toEqual(['RenameDevice: a change outside an open session']);
  });
});
