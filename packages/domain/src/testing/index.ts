/**
 * `@ssp/domain/testing`: given / when / then specifications of the domain's deciders, and the
 * fixtures that keep them short.
 *
 * ```ts
 * import { accountDecider } from '@ssp/domain';
 * import { actors, command, decide, ids } from '@ssp/domain/testing';
 *
 * decide(accountDecider)
 *   .given([{ type: 'AccountOpened', data: { accountId: ids.account, name: 'Acme', edition: 'ENTERPRISE', ownerAdminId: ids.owner } }])
 *   .when(command('ChangeEdition', actors.admin(ids.owner), { accountId: ids.account, edition: 'BEYOND' }))
 *   .then([{ type: 'EditionChanged', data: { accountId: ids.account, edition: 'BEYOND', previousEdition: 'ENTERPRISE' } }]);
 * ```
 *
 * The surface is deliberately small:
 * - `decide(decider).given(history, context?).when(command)` then `.then(events)` (returns the
 *   state after them) or `.thenFails(code)` (returns the error); `.decision` is the raw answer.
 * - `ids` (fixed UUIDs), `deviceId(n)`, `T0`, `at(seconds)`, `minutes`, `hours`: fixed ids and time.
 * - `actors`, `command(type, actor, data)`: command envelopes as `decodeCommand` produces them.
 * - `standardContext` (`now` = `T0`, `defaultPolicy`) and `applicationContext`,
 *   `portalSessionContext`, `userDevicesContext`: contexts folded from other aggregates' histories.
 * - `deepFreeze`, `scribble`: records frozen as the in-memory store keeps them, and changed
 *   behind the types' back, for the specs of what is checked once and what again.
 *
 * Assertions throw node's `AssertionError`, so the helpers work under any test runner.
 */
export { decide, type Answer, type Given, type Then, type When } from './specification';
export { deepFreeze, scribble } from './immutability';
export {
  actors,
  applicationContext,
  at,
  command,
  deviceId,
  hours,
  ids,
  minutes,
  portalSessionContext,
  standardContext,
  T0,
  userDevicesContext,
  type CommandEnvelope,
  type CommandOf,
  type Histories,
} from './fixtures';
