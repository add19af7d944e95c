import * as t from 'io-ts';
import { ApplicationType } from '../shared/enums';
import { commandCodec, memberOf, strictObject } from '../shared/messages';
import { ApplicationName, Uuid } from '../shared/values';

export const RegisterApplication = commandCodec(
  'RegisterApplication',
  strictObject('RegisterApplication', { accountId: Uuid, applicationId: Uuid, name: ApplicationName, applicationType: ApplicationType }),
);
export const EnableSelfService = commandCodec('EnableSelfService', strictObject('EnableSelfService', { applicationId: Uuid }));
export const DisableSelfService = commandCodec('DisableSelfService', strictObject('DisableSelfService', { applicationId: Uuid }));

export const applicationCommandCodecs = { RegisterApplication, EnableSelfService, DisableSelfService } as const;

export type ApplicationCommand = t.TypeOf<(typeof applicationCommandCodecs)[keyof typeof applicationCommandCodecs]>;
export const isApplicationCommand = memberOf<ApplicationCommand>(applicationCommandCodecs);
