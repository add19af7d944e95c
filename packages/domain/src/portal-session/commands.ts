import * as t from 'io-ts';
import { StepUpMethod } from '../shared/enums';
import { commandCodec, memberOf, strictObject } from '../shared/messages';
import { Uuid } from '../shared/values';

export const StartPortalSession = commandCodec(
  'StartPortalSession',
  strictObject('StartPortalSession', { sessionId: Uuid, userId: Uuid, applicationId: Uuid }),
);
export const BeginStepUp = commandCodec(
  'BeginStepUp',
  strictObject('BeginStepUp', { sessionId: Uuid, deviceId: Uuid, method: StepUpMethod }),
);
export const CompleteStepUp = commandCodec('CompleteStepUp', strictObject('CompleteStepUp', { sessionId: Uuid }));
export const FailStepUp = commandCodec('FailStepUp', strictObject('FailStepUp', { sessionId: Uuid }));
export const EndPortalSession = commandCodec('EndPortalSession', strictObject('EndPortalSession', { sessionId: Uuid }));

export const portalSessionCommandCodecs = {
  StartPortalSession,
  BeginStepUp,
  CompleteStepUp,
  FailStepUp,
  EndPortalSession,
} as const;

export type PortalSessionCommand = t.TypeOf<(typeof portalSessionCommandCodecs)[keyof typeof portalSessionCommandCodecs]>;
export const isPortalSessionCommand = memberOf<PortalSessionCommand>(portalSessionCommandCodecs);
