export { strictObject } from './strict-object';
import * as t from 'io-ts';
import { Actor } from './actor';
import { strictObject } from './strict-object';
import { Uuid } from './values';

/**
 * The envelope every command shares: `{ type, commandId, actor, data }`, and nothing else. As
 * strict as its parts: a `role` or `metadata` beside `data` is refused, never silently dropped,
 * so that a caller who believes such a field counts learns at once that it does not.
 */
export const commandCodec = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  strictObject(`a ${type} command`, { type: t.literal(type), commandId: Uuid, actor: Actor, data });

/** A domain event as deciders emit it: `{ type, data }`. Metadata is added by whoever stores it. */
export const eventCodec = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  t.type({ type: t.literal(type), data }, type);

/**
 * The guard of one aggregate's messages, written once for all of them: a command or event
 * whose type is among `codecs` belongs to that aggregate, and is narrowed to its union.
 */
export const memberOf = <M extends { type: string }>(codecs: Readonly<Record<M['type'], unknown>>) => {
  // A set of the names, asked on every event folded: a tenth of a cold load went to
  // `Object.hasOwn` on the codecs object.
  const types: ReadonlySet<string> = new Set(Object.keys(codecs));
  return <U extends { type: string }>(message: U): message is Extract<U, M> => types.has(message.type);
};
