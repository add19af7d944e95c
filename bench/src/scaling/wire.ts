import * as t from 'io-ts';
import { Target } from './targets';

/** What crosses between the parent and its processes, decoded on arrival (IPC carries JSON). */

export const Sizes = t.type({ users: t.number, commandsPerUser: t.number, inFlightPerProcess: t.number });

export const HandlerConfig = t.type({ target: Target, share: t.array(t.number), sizes: Sizes });
export type HandlerConfig = t.TypeOf<typeof HandlerConfig>;

/** Times are milliseconds since the epoch with a fraction (timeOrigin + now), comparable across processes. */
export const Enrollment = t.type({ eventId: t.string, appendedAt: t.number });

export const HandlerReport = t.type({
  commands: t.number,
  accepted: t.number,
  failureSamples: t.array(t.string),
  /** Appends refused as WrongExpectedRevision, each then decided again by the handler. */
  conflicts: t.number,
  startedAt: t.number,
  endedAt: t.number,
  latenciesMs: t.array(t.number),
  enrollments: t.array(Enrollment),
});
export type HandlerReport = t.TypeOf<typeof HandlerReport>;

export const NotifierConfig = t.type({ target: Target, group: t.string, expectedNotices: t.number });
export type NotifierConfig = t.TypeOf<typeof NotifierConfig>;

export const Send = t.type({ noticeId: t.string, eventId: t.string, channel: t.string, sentAt: t.number });
export type Send = t.TypeOf<typeof Send>;

export const NotifierReport = t.type({ sends: t.array(Send), attempts: t.number, problems: t.array(t.string) });
export type NotifierReport = t.TypeOf<typeof NotifierReport>;

export const Ready = t.type({ kind: t.literal('ready') });
export const Go = t.type({ kind: t.literal('go') });
export const Stop = t.type({ kind: t.literal('stop') });
export const HandlerDone = t.type({ kind: t.literal('done'), report: HandlerReport });
export const NotifierDone = t.type({ kind: t.literal('sent'), report: NotifierReport });
export const ServerListening = t.type({ kind: t.literal('listening'), connectionString: t.string });

/** An epoch time in milliseconds with sub-millisecond precision, the same clock in every process of the machine. */
export const epochNow = (): number => performance.timeOrigin + performance.now();
