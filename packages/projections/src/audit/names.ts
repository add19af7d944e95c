import type { DomainEvent, RecordedActor } from '@ssp/domain';
import type { ProjectedEvent } from '../runner/projection';

/**
 * The names, as history gave them up to and including one event, of the ids that event
 * mentions: id → name. Administrators have none (history records their id and role only), nor
 * do sessions; those ids are simply absent.
 */
export type NamesAtEvent = Readonly<Record<string, string>>;

const learn = (names: Map<string, string>, event: DomainEvent): void => {
  switch (event.type) {
    case 'AccountOpened':
      names.set(event.data.accountId, event.data.name);
      return;
    case 'ApplicationRegistered':
      names.set(event.data.applicationId, event.data.name);
      return;
    case 'UserRegistered':
      names.set(event.data.userId, event.data.username);
      return;
    case 'DeviceEnrolled':
    case 'DeviceRenamed':
      names.set(event.data.deviceId, event.data.name);
      return;
    case 'HardwareTokenAssigned':
      names.set(event.data.tokenId, `${event.data.tokenType} ${event.data.serial}`);
      return;
    default:
      // A removed device keeps its last name: the line that removes it still names it.
      return;
  }
};

const actorIds = (actor: RecordedActor): readonly string[] => {
  switch (actor.kind) {
    case 'admin':
      return [actor.adminId];
    case 'user':
      return [actor.userId, ...(actor.stepUp === undefined ? [] : [actor.stepUp.deviceId])];
    case 'authenticator':
    case 'system':
      return [];
  }
};

const mentionedIds = ({ event, metadata }: ProjectedEvent): readonly string[] => [
  ...Object.values(event.data).filter((value): value is string => typeof value === 'string'),
  ...actorIds(metadata.actor),
];

/**
 * Walks history once, in order, and gives each event the names of the ids it mentions as of
 * that event: a device renamed later is still shown by the name it had then. The maps are
 * local to the walk; the function is pure.
 */
export const namesAlongHistory = (events: readonly ProjectedEvent[]): readonly NamesAtEvent[] => {
  const names = new Map<string, string>();
  return events.map((projected) => {
    learn(names, projected.event);
    const known = mentionedIds(projected).flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [[id, name] as const];
    });
    return Object.fromEntries(known);
  });
};

/** An id as a report shows it: `"name" (id)` when history named it, the bare id otherwise. */
export const nameBeside =
  (names: NamesAtEvent) =>
  (id: string): string => {
    // Own keys only: an id is never mistaken for a property every object inherits.
    return Object.hasOwn(names, id) ? `"${names[id]}" (${id})` : id;
  };
