import * as t from 'io-ts';
import { ApplicationType } from '../shared/enums';
import { eventCodec, memberOf } from '../shared/messages';
import { Uuid } from '../shared/values';

export const ApplicationRegistered = eventCodec(
  'ApplicationRegistered',
  t.type({ accountId: Uuid, applicationId: Uuid, name: t.string, applicationType: ApplicationType }),
);
export const SelfServiceEnabled = eventCodec('SelfServiceEnabled', t.type({ accountId: Uuid, applicationId: Uuid }));
export const SelfServiceDisabled = eventCodec('SelfServiceDisabled', t.type({ accountId: Uuid, applicationId: Uuid }));

export const applicationEventCodecs = { ApplicationRegistered, SelfServiceEnabled, SelfServiceDisabled } as const;

export type ApplicationEvent = t.TypeOf<(typeof applicationEventCodecs)[keyof typeof applicationEventCodecs]>;
export const isApplicationEvent = memberOf<ApplicationEvent>(applicationEventCodecs);
