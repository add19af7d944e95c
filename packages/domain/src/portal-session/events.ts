import * as t from 'io-ts';
import { StepUpMethod } from '../shared/enums';
import { eventCodec, memberOf } from '../shared/messages';
import { IsoTime, Uuid } from '../shared/values';

const challenge = { sessionId: Uuid, userId: Uuid, deviceId: Uuid, method: StepUpMethod };

export const PortalSessionStarted = eventCodec(
  'PortalSessionStarted',
  t.type({ sessionId: Uuid, userId: Uuid, applicationId: Uuid, accountId: Uuid, startedAt: IsoTime, expiresAt: IsoTime }),
);
export const StepUpBegun = eventCodec('StepUpBegun', t.type({ ...challenge, begunAt: IsoTime }));
export const StepUpCompleted = eventCodec('StepUpCompleted', t.type({ ...challenge, completedAt: IsoTime }));
export const StepUpFailed = eventCodec('StepUpFailed', t.type({ ...challenge, failedAt: IsoTime }));
export const PortalSessionEnded = eventCodec(
  'PortalSessionEnded',
  t.type({ sessionId: Uuid, userId: Uuid, endedAt: IsoTime, endedBy: t.keyof({ user: null, system: null }) }),
);

export const portalSessionEventCodecs = {
  PortalSessionStarted,
  StepUpBegun,
  StepUpCompleted,
  StepUpFailed,
  PortalSessionEnded,
} as const;

export type PortalSessionEvent = t.TypeOf<(typeof portalSessionEventCodecs)[keyof typeof portalSessionEventCodecs]>;
export const isPortalSessionEvent = memberOf<PortalSessionEvent>(portalSessionEventCodecs);
