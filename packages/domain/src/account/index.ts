import type { Decider } from '../shared/decider';
import type { AccountCommand } from './commands';
import { decideAccount } from './decide';
import type { AccountEvent } from './events';
import { evolveAccount, initialAccountState, type AccountState } from './state';

export * from './commands';
export * from './events';
export * from './permissions';
export { decideAccount } from './decide';
export { evolveAccount, initialAccountState, ownerCount, roleOf, type AccountState } from './state';

/** Account decides on its own history alone: roles, edition and enrollment all live in it. */
export const accountDecider: Decider<AccountCommand, AccountState, AccountEvent, unknown> = {
  initialState: initialAccountState,
  evolve: evolveAccount,
  decide: (command, state) => decideAccount(command, state),
};
