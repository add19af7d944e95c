/**
 * Per-command cost against the length of a user's history, on the in-memory store.
 *
 *   npx tsx packages/commands/src/bench.ts
 *
 * Users with 10 events and users with 10,000 events in their UserDevices stream each receive
 * renames (one read of each stream the rules need, one decision, one append). "warm": the
 * handler has already loaded the user, so it only catches up from its cached revision. "cold":
 * each command goes to a handler that has just started (empty cache), which must fold the
 * whole history first. Every measured command goes to a different user, or to users whose
 * history barely grows, so the history length stays what the row says.
 */
import * as E from 'fp-ts/Either';
import { performance } from 'node:perf_hooks';
import { createInMemoryEventStore, hashEvent, type EventStore, type JsonObject, type NewEvent } from '@ssp/eventstore';
import { streams } from '@ssp/domain';
import { createCommandHandler, type CommandHandler } from './handler';
import { accepted, createTestClock, idOf, renameDevice, seedAccount, seedPortalUser, sequentialIds, type PortalUser } from './testing';

const smallUsers = 400;
const largeUsers = 4;
const largeHistory = 10_000;
const warmSamples = 400;
const coldSmallSamples = 200;
const coldLargeSamples = 20;

type Row = Readonly<{ history: number; handler: 'warm' | 'cold'; latenciesMs: readonly number[]; totalMs: number }>;

const newEventId = sequentialIds();
const clock = createTestClock('2026-11-28T10:00:00.000Z');
const store = createInMemoryEventStore();
const handlerOver = (eventStore: EventStore): CommandHandler => createCommandHandler({ store: eventStore, clock: clock.now, newId: newEventId });

const read = async (streamName: string) => {
  const events = await store.readStream(streamName)();
  if (E.isLeft(events)) throw new Error(`cannot read ${streamName}`);
  return events.right;
};

/**
 * Grows a user's stream to `length` events by appending DeviceRenamed events as the handler
 * would have written them (same metadata, same hash chain), in batches: seeding 10,000 events
 * through the handler would measure the seeding, not the command.
 */
const growHistory = async (user: PortalUser, length: number): Promise<string> => {
  const streamName = streams.userDevices(user.userId);
  const existing = await read(streamName);
  const last = existing.at(-1);
  if (last === undefined) throw new Error('the user has a history');
  const actor = last.metadata.actor ?? {};
  let previousHash = typeof last.metadata.hash === 'string' ? last.metadata.hash : '';
  let name = 'First phone';
  let revision = last.revision;
  for (let written = existing.length; written < length; ) {
    const batch: NewEvent[] = [];
    for (; batch.length < 1000 && written < length; written += 1) {
      const nextName = name === 'Phone A' ? 'Phone B' : 'Phone A';
      const data: JsonObject = { userId: user.userId, deviceId: user.phoneId, name: nextName, previousName: name };
      const eventId = newEventId();
      const commandId = idOf(`bench:${user.userId}:${written}`);
      const metadata: JsonObject = {
        eventId,
        commandId,
        correlationId: commandId,
        causationId: commandId,
        occurredAt: clock.now(),
        schemaVersion: 1,
        actor,
        previousHash,
      };
      previousHash = hashEvent('DeviceRenamed', data, metadata);
      batch.push({ eventId, type: 'DeviceRenamed', data, metadata: { ...metadata, hash: previousHash } });
      name = nextName;
    }
    const appended = await store.appendToStream(streamName, batch, { expectedRevision: revision })();
    if (E.isLeft(appended)) throw new Error(`cannot grow ${streamName}: ${appended.left.kind}`);
    revision = appended.right.nextExpectedRevision;
  }
  return name;
};

/** Users whose UserDevices stream holds exactly `length` events, and the current name of their phone. */
const seedUsers = async (count: number, length: number, label: string) => {
  const send = handlerOver(store);
  const account = await seedAccount(send, `${label}-account`);
  const users: { user: PortalUser; name: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const user = await seedPortalUser(send, account, `${label}-${i}`, `+1202555${(100 + (i % 9000)).toString().padStart(4, '0')}`);
    users.push({ user, name: await growHistory(user, length) });
  }
  return users;
};

let renameCount = 0;
/** A rename that always changes the name, so every measured command appends one event. */
const renameOnce = (target: { user: PortalUser; name: string }) => {
  renameCount += 1;
  target.name = `Bench ${renameCount}`;
  return renameDevice(target.user.actor, target.user.userId, target.user.phoneId, target.name);
};

const timed = async (send: CommandHandler, command: JsonObject): Promise<number> => {
  const started = performance.now();
  accepted(await send(command));
  return performance.now() - started;
};

const measureWarm = async (history: number, users: { user: PortalUser; name: string }[]): Promise<Row> => {
  const send = handlerOver(store);
  for (const target of users) accepted(await send(renameOnce(target)));
  const latenciesMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < warmSamples; i += 1) {
    const target = users[i % users.length];
    if (target !== undefined) latenciesMs.push(await timed(send, renameOnce(target)));
  }
  return { history, handler: 'warm', latenciesMs, totalMs: performance.now() - started };
};

const measureCold = async (history: number, users: { user: PortalUser; name: string }[], samples: number): Promise<Row> => {
  const latenciesMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < samples; i += 1) {
    const target = users[i % users.length];
    if (target !== undefined) latenciesMs.push(await timed(handlerOver(store), renameOnce(target)));
  }
  return { history, handler: 'cold', latenciesMs, totalMs: performance.now() - started };
};

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

const print = (rows: readonly Row[]) => {
  const header = ['history (events)', 'handler', 'commands', 'median ms', 'p95 ms', 'commands/s'];
  const lines = rows.map((row) => {
    const sorted = [...row.latenciesMs].sort((a, b) => a - b);
    return [
      row.history.toLocaleString('en-US'),
      row.handler,
      String(sorted.length),
      percentile(sorted, 0.5).toFixed(3),
      percentile(sorted, 0.95).toFixed(3),
      Math.round((sorted.length / row.totalMs) * 1000).toLocaleString('en-US'),
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)));
  const format = (cells: readonly string[]) => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
};

const main = async () => {
  const seeding = performance.now();
  const small = await seedUsers(smallUsers, 10, 'small');
  const large = await seedUsers(largeUsers, largeHistory, 'large');
  console.log(`seeded ${smallUsers} users with 10 events and ${largeUsers} with ${largeHistory.toLocaleString('en-US')} in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  console.log(`node ${process.version}, in-memory store, one command at a time\n`);

  // Warm rows first would grow the small users' histories; measure cold on fresh histories first.
  const rows = [
    await measureCold(10, small.slice(0, smallUsers / 2), coldSmallSamples),
    await measureCold(largeHistory, large, coldLargeSamples),
    await measureWarm(10, small.slice(smallUsers / 2)),
    await measureWarm(largeHistory, large),
  ];
  print([rows[2], rows[3], rows[0], rows[1]].flatMap((row) => (row === undefined ? [] : [row])));
};

void main();
