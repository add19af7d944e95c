import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { commandTypes, errorCodes } from '@ssp/domain';
import type { EventStore } from '@ssp/eventstore';
import { createCommandHandler } from './handler';
import type { CommandResult } from './result';
import {
  addAdministrator,
  assignHardwareToken,
  beginStepUp,
  changeEdition,
  command,
  completeStepUp,
  disableSelfService,
  endPortalSession,
  enableSelfService,
  enrollMobile,
  enrollTablet,
  givenAlice,
  idOf,
  overriding,
  phoneNumber,
  registerUser,
  removeDevice,
  renameDevice,
  startPortalSession,
  type CommandJson,
} from './testing';

/** The store, counting the events it accepted: what "nothing was appended" is checked against. */
const counting = (store: EventStore) => {
  let appended = 0;
  return {
    store: overriding(store, {
      appendToStream: (streamName, events, options) => async () => {
        const result = await store.appendToStream(streamName, events, options)();
        if (E.isRight(result)) appended += events.length;
        return result;
      },
    }),
    appended: () => appended,
  };
};

type Json = unknown;

/** Sets, or with `undefined` deletes, the field at `path`; `__proto__` becomes an own field, as JSON.parse makes it. */
const withField = (value: Json, path: readonly string[], replacement: Json | undefined): Json => {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const base: Record<string, Json> = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  const inner = rest.length === 0 ? replacement : withField(base[head], rest, replacement);
  if (inner === undefined) {
    delete base[head];
    return base;
  }
  Object.defineProperty(base, head, { value: inner, enumerable: true, writable: true, configurable: true });
  return base;
};

const fields = ['type', 'commandId', 'actor', 'actor.kind', 'actor.adminId', 'actor.userId', 'actor.sessionId', 'data', 'data.accountId', 'data.applicationId', 'data.userId', 'data.deviceId', 'data.sessionId', 'data.tokenId', 'data.activationId', 'data.name', 'data.phoneNumber', 'data.kind', 'data.platform', 'data.role', 'data.edition', 'data.method', 'data.loginAction', 'data.extension', 'data.validSeconds'];
const hostileKeys = ['__proto__', 'constructor', 'prototype', 'role', 'metadata', 'toString', 'hasOwnProperty', ''];
const hostileStrings = ['\u0000', '\u202e', '\u200b', '\ud800', 'A'.repeat(10_000), 'x\ny', '１２０２５５５０１０５', '+1 (202) 555-0105', 'OWNER', '../../etc/passwd', "'; DROP TABLE events; --"];

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(...hostileStrings, ...commandTypes),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.constantFrom(undefined, null, Number.NaN, -0, 1e308, 2 ** 53 + 1),
);

const mutation = fc.oneof(
  fc.record({ path: fc.constantFrom(...fields), to: value }),
  fc.record({ path: fc.constantFrom(...fields), to: fc.constant(undefined) }),
  fc.record({ path: fc.tuple(fc.constantFrom('', 'actor.', 'data.'), fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 12 }))).map(([at, key]) => `${at}${key}`), to: value }),
  fc.record({ path: fc.constant('commandId'), to: fc.uuid() }),
);

/** An input: a valid command of the seeded world, bent by a few mutations, or any JSON at all. */
const inputs = (valid: readonly CommandJson[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...valid), fc.array(mutation, { maxLength: 3 })).map(([command, changes]) => changes.reduce<Json>((bent, change) => withField(bent, change.path.split('.'), change.to), command)) },
    { weight: 2, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );

const knownCodes: ReadonlySet<string> = new Set([...errorCodes, 'STORE_UNAVAILABLE', 'STORE_FAILURE', 'IDEMPOTENCY_KEY_REUSED']);
const unprintable = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/** Why an answer is not what the contract promises, or undefined. Plain checks: this runs 100,000 times. */
const flawOf = (result: CommandResult, appended: number): string | undefined => {
  if (result.ok) return appended === result.events.length ? undefined : `ok with ${result.events.length} events, but ${appended} were appended`;
  if (appended !== 0) return `refused with ${result.error.code}, but ${appended} events were appended`;
  if (!knownCodes.has(result.error.code)) return `unknown code ${result.error.code}`;
  if (result.error.message.length >= 1_000) return `a message of ${result.error.message.length} characters`;
  if (unprintable.test(result.error.message)) return `a message with unprintable characters: ${JSON.stringify(result.error.message)}`;
  return undefined;
};

describe('fuzz: decode → handle', () => {
  it('given a seeded world, when 100,000 hostile inputs are handled, then none throws, every answer is well formed, and a refusal appends nothing', async () => {
    const seeded = await givenAlice();
    const { account, alice } = seeded;
    const counted = counting(seeded.world.store);
    const send = createCommandHandler({ store: counted.store, clock: seeded.world.clock.now });
    const owner = account.ownerId;
    const valid: readonly CommandJson[] = [
      changeEdition(owner, account.accountId, 'BEYOND'),
      addAdministrator(owner, account.accountId, idOf('fuzz:admin'), 'HELP_DESK'),
      registerUser(owner, account.accountId, idOf('fuzz:user'), 'fuzz'),
      disableSelfService(owner, account.applicationId),
      enableSelfService(owner, account.applicationId),
      assignHardwareToken(owner, alice.userId, idOf('fuzz:token')),
      startPortalSession(alice.userId, idOf('fuzz:session'), account.applicationId),
      beginStepUp(alice.userId, alice.sessionId, alice.phoneId, 'CALL'),
      completeStepUp(alice.sessionId),
      endPortalSession(alice.userId, idOf('fuzz:session')),
      enrollMobile(alice.actor, alice.userId, idOf('fuzz:mobile'), phoneNumber(7), 'Fuzz phone'),
      enrollTablet(alice.actor, alice.userId, idOf('fuzz:tablet')),
      renameDevice(alice.actor, alice.userId, alice.phoneId, 'Renamed'),
      command('IssueDuoMobileActivation', alice.actor, { userId: alice.userId, deviceId: alice.phoneId, activationId: idOf('fuzz:activation') }),
      command('ActivateDuoMobile', alice.actor, { userId: alice.userId, deviceId: alice.phoneId, activationId: idOf('fuzz:activation') }),
      command('SetDefaultDevice', alice.actor, { userId: alice.userId, deviceId: alice.phoneId, loginAction: 'CALL' }),
      removeDevice(alice.actor, alice.userId, idOf('fuzz:tablet')),
      command('RemoveHardwareToken', alice.actor, { userId: alice.userId, tokenId: idOf('fuzz:token') }),
    ];
    let refusals = 0;

    await fc.assert(
      fc.asyncProperty(inputs(valid), async (input) => {
        const before = counted.appended();
        const result = await send(input);
        if (!result.ok) refusals += 1;
        const flaw = flawOf(result, counted.appended() - before);
        if (flaw !== undefined) throw new Error(flaw);
      }),
      { numRuns: 100_000, seed: 20261202 },
    );

    expect(refusals).toBeGreaterThan(50_000);
  });
});
