import type { ProjectedEvent } from '@ssp/projections';
import { administratorNames } from '../demo/people';

/**
 * The names history gives its ids, so that a timeline reads "jordan renamed Jordan's iPad"
 * rather than a row of UUIDs: accounts, applications and users by the names they were
 * registered under, devices by their latest name (a removed device keeps its last one),
 * tokens by serial, administrators from the demo's directory.
 */
export const namesIn = (events: readonly ProjectedEvent[]): ReadonlyMap<string, string> => {
  const names = new Map<string, string>(Object.entries(administratorNames));
  for (const { event } of events) {
    switch (event.type) {
      case 'AccountOpened':
        names.set(event.data.accountId, event.data.name);
        break;
      case 'ApplicationRegistered':
        names.set(event.data.applicationId, event.data.name);
        break;
      case 'UserRegistered':
        names.set(event.data.userId, event.data.username);
        break;
      case 'DeviceEnrolled':
      case 'DeviceRenamed':
        names.set(event.data.deviceId, event.data.name);
        break;
      case 'HardwareTokenAssigned':
        names.set(event.data.tokenId, `token ${event.data.serial}`);
        break;
      default:
        break;
    }
  }
  return names;
};

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** A description with each known id replaced by its name (ids without a name stay as they are). */
export const withNames = (names: ReadonlyMap<string, string>, text: string): string => text.replace(uuid, (id) => names.get(id) ?? id);
