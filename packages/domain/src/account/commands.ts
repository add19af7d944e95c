import * as t from 'io-ts';
import { Edition, Role } from '../shared/enums';
import { commandCodec, memberOf, strictObject } from '../shared/messages';
import { AccountName, Uuid } from '../shared/values';

export const OpenAccount = commandCodec(
  'OpenAccount',
  strictObject('OpenAccount', { accountId: Uuid, name: AccountName, edition: Edition, ownerAdminId: Uuid }),
);
export const ChangeEdition = commandCodec(
  'ChangeEdition',
  strictObject('ChangeEdition', { accountId: Uuid, edition: Edition }),
);
export const EnableNewEnrollment = commandCodec(
  'EnableNewEnrollment',
  strictObject('EnableNewEnrollment', { accountId: Uuid }),
);
export const DisableNewEnrollment = commandCodec(
  'DisableNewEnrollment',
  strictObject('DisableNewEnrollment', { accountId: Uuid }),
);
export const AddAdministrator = commandCodec(
  'AddAdministrator',
  strictObject('AddAdministrator', { accountId: Uuid, adminId: Uuid, role: Role }),
);
export const ChangeAdministratorRole = commandCodec(
  'ChangeAdministratorRole',
  strictObject('ChangeAdministratorRole', { accountId: Uuid, adminId: Uuid, role: Role }),
);
export const RemoveAdministrator = commandCodec(
  'RemoveAdministrator',
  strictObject('RemoveAdministrator', { accountId: Uuid, adminId: Uuid }),
);

export const accountCommandCodecs = {
  OpenAccount,
  ChangeEdition,
  EnableNewEnrollment,
  DisableNewEnrollment,
  AddAdministrator,
  ChangeAdministratorRole,
  RemoveAdministrator,
} as const;

export type AccountCommand = t.TypeOf<(typeof accountCommandCodecs)[keyof typeof accountCommandCodecs]>;
export const isAccountCommand = memberOf<AccountCommand>(accountCommandCodecs);
