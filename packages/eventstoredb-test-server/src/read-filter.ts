import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './event-log';

/**
 * The server-side filter of `$all` reads and subscriptions: on the stream name or on the event
 * type, by a regular expression when one is given, otherwise by any of a list of prefixes.
 * Prefixes are plain string prefixes, as on the server, so `Account` also matches
 * `AccountArchive-1`; clients that mean a category must send `Account-`.
 */
export type EventPredicate = (event: StoredEvent) => boolean;

const everything: EventPredicate = () => true;

/** A filter expression, as both the streams and the persistent subscriptions protocols carry it. */
export type FilterExpression = Readonly<{ getRegex: () => string; getPrefixList: () => string[] }>;

const matcher = (expression: FilterExpression): ((text: string) => boolean) => {
  const regex = expression.getRegex();
  if (regex !== '') {
    const compiled = new RegExp(regex);
    return (text) => compiled.test(text);
  }
  const prefixes = expression.getPrefixList();
  return (text) => prefixes.some((prefix) => text.startsWith(prefix));
};

/** A filter on the stream name or the event type, as both protocols carry it. */
export type FilterOptions = Readonly<{
  getStreamIdentifier: () => FilterExpression | undefined;
  getEventType: () => FilterExpression | undefined;
}>;

/** The predicate of a filter, or of none: the same for `$all` reads, subscriptions and persistent subscriptions. */
export const predicateOf = (filter: FilterOptions | undefined): EventPredicate => {
  if (filter === undefined) return everything;
  const onStream = filter.getStreamIdentifier();
  if (onStream !== undefined) {
    const matches = matcher(onStream);
    return (event) => matches(event.streamName);
  }
  const onType = filter.getEventType();
  if (onType !== undefined) {
    const matches = matcher(onType);
    return (event) => matches(event.type);
  }
  return everything;
};

export const filterOf = (options: ReadReq.Options): EventPredicate => predicateOf(options.getFilter());
