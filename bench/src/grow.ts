import { randomUUID } from 'node:crypto';
import { streams } from '@ssp/domain';
import { hashEvent, type JsonObject, type JsonValue } from '@ssp/eventstore';
import { benchInstant } from './clock';
import { idOf } from './ids';
import type { Seed, SeedEvent } from './seed';
import type { BenchUser } from './users';

const hashIn = (metadata: JsonObject): string => (typeof metadata.hash === 'string' ? metadata.hash : '');

/** The name the first phone has after `grownBy` renames: the names alternate, so each rename changes it. */
export const grownName = (grownBy: number): string => (grownBy === 0 ? 'First phone' : grownBy % 2 === 1 ? 'Phone A' : 'Phone B');

/**
 * Grows a user's UserDevices stream to `length` events with renames of the first phone,
 * written as our handler writes them (metadata, schema version, actor, hash chain), without
 * going through it: seeding 10,000 events through the handler would cost more than W2 itself.
 */
export const growUserDevices = (seed: Seed, user: BenchUser, length: number): Seed => {
  const streamName = streams.userDevices(user.userId);
  const existing = seed.events.filter((event) => event.streamName === streamName);
  const last = existing.at(-1);
  if (last === undefined) throw new Error(`${streamName} has no history to grow`);
  const actor: JsonValue = last.metadata.actor ?? {};
  let previousHash = hashIn(last.metadata);
  const grown: SeedEvent[] = [];
  for (let written = existing.length; written < length; written += 1) {
    const renames = written - existing.length;
    const data: JsonObject = { userId: user.userId, deviceId: user.firstPhoneId, name: grownName(renames + 1), previousName: grownName(renames) };
    const eventId = randomUUID();
    const commandId = idOf(`grow:${user.userId}:${written}`);
    const metadata: JsonObject = {
      eventId,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      occurredAt: benchInstant,
      schemaVersion: 1,
      actor,
      previousHash,
    };
    previousHash = hashEvent('DeviceRenamed', data, metadata);
    grown.push({ streamName, eventId, type: 'DeviceRenamed', data, metadata: { ...metadata, hash: previousHash } });
  }
  return { ...seed, events: [...seed.events, ...grown] };
};
