import * as t from 'io-ts';
import { Role, StepUpMethod } from './enums';
import { strictObject } from './strict-object';
import { IsoTime, Uuid } from './values';

/** Who sends a command. An administrator's role is never part of it: history says what it is. */
// Strict: an actor that claims a role (`{"kind": "admin", "role": "OWNER"}`) is refused, not ignored.
export const AdminActor = strictObject('an admin actor', { kind: t.literal('admin'), adminId: Uuid });
export const UserActor = strictObject('a user actor', { kind: t.literal('user'), userId: Uuid }, { sessionId: Uuid });
export const AuthenticatorActor = strictObject('the authenticator actor', { kind: t.literal('authenticator') });
export const SystemActor = strictObject('the system actor', { kind: t.literal('system') });

export const actorCodecs = {
  admin: AdminActor,
  user: UserActor,
  authenticator: AuthenticatorActor,
  system: SystemActor,
} as const;

export const Actor = t.union([AdminActor, UserActor, AuthenticatorActor, SystemActor], 'Actor');
export type Actor = t.TypeOf<typeof Actor>;
export type AdminActor = t.TypeOf<typeof AdminActor>;
export type UserActor = t.TypeOf<typeof UserActor>;

/** The step-up that authorised a user's change, as recorded in the event's metadata. */
export const StepUpProof = t.type(
  { deviceId: Uuid, method: StepUpMethod, completedAt: IsoTime },
  'StepUpProof',
);
export type StepUpProof = t.TypeOf<typeof StepUpProof>;

/** The actor as history records it: the administrator's role at that moment, the user's session and step-up. */
export const RecordedActor = t.union(
  [
    t.type({ kind: t.literal('admin'), adminId: Uuid, role: Role }),
    t.intersection([
      t.type({ kind: t.literal('user'), userId: Uuid }),
      t.partial({ sessionId: Uuid, stepUp: StepUpProof, firstDevice: t.boolean }),
    ]),
    AuthenticatorActor,
    SystemActor,
  ],
  'RecordedActor',
);
export type RecordedActor = t.TypeOf<typeof RecordedActor>;

/** A user as history records them when nothing but their session vouches for the change. */
export const recordedUser = (actor: UserActor): RecordedActor => ({
  kind: 'user',
  userId: actor.userId,
  ...(actor.sessionId === undefined ? {} : { sessionId: actor.sessionId }),
});
