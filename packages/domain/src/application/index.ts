import type { Decider } from '../shared/decider';
import type { ApplicationCommand } from './commands';
import { decideApplication, type ApplicationContext } from './decide';
import type { ApplicationEvent } from './events';
import { evolveApplication, initialApplicationState, type ApplicationState } from './state';

export * from './commands';
export * from './events';
export * from './self-service';
export { decideApplication, type ApplicationContext } from './decide';
export { evolveApplication, initialApplicationState, type ApplicationState } from './state';

export const applicationDecider: Decider<ApplicationCommand, ApplicationState, ApplicationEvent, ApplicationContext> = {
  initialState: initialApplicationState,
  evolve: evolveApplication,
  decide: decideApplication,
};
