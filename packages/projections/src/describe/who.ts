import * as t from 'io-ts';
import { Role, StepUpMethod, type RecordedActor } from '@ssp/domain';
import type { IdWriter } from './what';

/** Who did it, as read models store it: the recorded actor, without the step-up (kept apart). */
export const Who = t.union([
  t.type({ kind: t.literal('admin'), adminId: t.string, role: Role }),
  t.intersection([t.type({ kind: t.literal('user'), userId: t.string }), t.partial({ sessionId: t.string })]),
  t.type({ kind: t.literal('authenticator') }),
  t.type({ kind: t.literal('system') }),
]);
export type Who = t.TypeOf<typeof Who>;

export const StepUpRecord = t.type({ deviceId: t.string, method: StepUpMethod, completedAt: t.string });
export type StepUpRecord = t.TypeOf<typeof StepUpRecord>;

export const whoOf = (actor: RecordedActor): Who => {
  switch (actor.kind) {
    case 'admin':
      return { kind: 'admin', adminId: actor.adminId, role: actor.role };
    case 'user':
      return actor.sessionId === undefined
        ? { kind: 'user', userId: actor.userId }
        : { kind: 'user', userId: actor.userId, sessionId: actor.sessionId };
    case 'authenticator':
      return { kind: 'authenticator' };
    case 'system':
      return { kind: 'system' };
  }
};

/** Who did it, in words; `id` writes ids (bare, or with the name history gave them). */
export const describeWho = (who: Who, id: IdWriter = (bare) => bare): string => {
  switch (who.kind) {
    case 'admin':
      return `administrator ${id(who.adminId)} (${who.role})`;
    case 'user':
      return who.sessionId === undefined ? `user ${id(who.userId)}` : `user ${id(who.userId)} in session ${who.sessionId}`;
    case 'authenticator':
      return 'the authenticator';
    case 'system':
      return 'the system';
  }
};

export const describeStepUp = (stepUp: StepUpRecord, id: IdWriter = (bare) => bare): string =>
  `step-up by ${stepUp.method} on device ${id(stepUp.deviceId)}, completed ${stepUp.completedAt}`;
