export { strictObject } from './strict-object';
import * as t from 'io-ts';
import { Actor } from './actor';
import { Uuid } from './values';

/** The envelope every command shares: `{ type, commandId, actor, data }`. */
export const commandCodec = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  t.type({ type: t.literal(type), commandId: Uuid, actor: Actor, data }, type);

/** A domain event as deciders emit it: `{ type, data }`. Metadata is added by whoever stores it. */
export const eventCodec = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  t.type({ type: t.literal(type), data }, type);
