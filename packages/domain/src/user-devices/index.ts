import type { Decider } from '../shared/decider';
import type { UserDevicesCommand } from './commands';
import { decideUserDevices, type UserDevicesContext } from './decide';
import type { UserDevicesEvent } from './events';
import { evolveUserDevices, initialUserDevicesState, type UserDevicesState } from './state';

export * from './commands';
export * from './events';
export { defaultDeviceName, phoneCan, userDeviceCan } from './capabilities';
export { decideUserDevices, type UserDevicesContext } from './decide';
export {
  deviceCount,
  evolveUserDevices,
  findPhone,
  findToken,
  initialUserDevicesState,
  type Activation,
  type HardwareToken,
  type Phone,
  type RegisteredUser,
  type UserDevicesState,
} from './state';

export const userDevicesDecider: Decider<UserDevicesCommand, UserDevicesState, UserDevicesEvent, UserDevicesContext> = {
  initialState: initialUserDevicesState,
  evolve: evolveUserDevices,
  decide: decideUserDevices,
};
