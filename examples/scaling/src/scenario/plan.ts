import fc from 'fast-check';
import type { JsonObject } from '@ssp/eventstore';
import { phoneNumber, type Commands, type PortalUser } from './commands';

/**
 * A random but seeded mix of device commands: which user, which device slot, what to do, and
 * which handler process receives it. Some are sent to a second process as well (the same
 * command, as a client retrying against another instance would), and many are refused by the
 * rules (renaming a removed device, removing the last one): both are part of the point.
 */
export type Step = Readonly<{ command: JsonObject; handler: number; alsoTo?: number }>;

type Action =
  | Readonly<{ kind: 'enrollMobile'; slot: number }>
  | Readonly<{ kind: 'enrollTablet'; slot: number }>
  | Readonly<{ kind: 'rename'; slot: number; name: number }>
  | Readonly<{ kind: 'setDefault'; slot: number; loginAction: 'ASK' | 'PUSH' | 'CALL' }>
  | Readonly<{ kind: 'remove'; slot: number }>;

/** Slot 0 is each user's first phone; slots 1 to 3 come and go. */
const SLOTS = 4;

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('enrollMobile' as const), slot: fc.integer({ min: 1, max: SLOTS - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('enrollTablet' as const), slot: fc.integer({ min: 1, max: SLOTS - 1 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('rename' as const), slot: fc.integer({ min: 0, max: SLOTS - 1 }), name: fc.integer({ min: 1, max: 99 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('setDefault' as const), slot: fc.integer({ min: 0, max: SLOTS - 1 }), loginAction: fc.constantFrom('ASK' as const, 'PUSH' as const, 'CALL' as const) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), slot: fc.integer({ min: 0, max: SLOTS - 1 }) }) },
);

const draw = (users: number, handlers: number) =>
  fc.record({
    user: fc.integer({ min: 0, max: users - 1 }),
    action,
    handler: fc.integer({ min: 0, max: handlers - 1 }),
    // One step in six goes to a second process too.
    duplicate: fc.option(fc.integer({ min: 1, max: handlers - 1 }), { freq: 5 }),
  });

const commandOf = (commands: Commands, user: PortalUser, chosen: Action): JsonObject => {
  switch (chosen.kind) {
    case 'enrollMobile':
      // A number of the user's own: the claims race is tested on purpose, elsewhere.
      return commands.enrollMobile(user, chosen.slot, phoneNumber(user.index * 10 + chosen.slot));
    case 'enrollTablet':
      return commands.enrollTablet(user, chosen.slot);
    case 'rename':
      return commands.rename(user, chosen.slot, `Device ${chosen.name}`);
    case 'setDefault':
      return commands.setDefault(user, chosen.slot, chosen.loginAction);
    case 'remove':
      return commands.remove(user, chosen.slot);
  }
};

export const randomPlan = (commands: Commands, users: readonly PortalUser[], handlers: number, length: number, seed: number): readonly Step[] => {
  const [drawn] = fc.sample(fc.array(draw(users.length, handlers), { minLength: length, maxLength: length }), { seed, numRuns: 1 });
  return (drawn ?? []).flatMap(({ user, action: chosen, handler, duplicate }) => {
    const portalUser = users[user];
    if (portalUser === undefined) return [];
    const command = commandOf(commands, portalUser, chosen);
    return [duplicate === null ? { command, handler } : { command, handler, alsoTo: (handler + duplicate) % handlers }];
  });
};
