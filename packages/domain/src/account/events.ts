import * as t from 'io-ts';
import { Edition, Role } from '../shared/enums';
import { eventCodec, memberOf } from '../shared/messages';
import { Uuid } from '../shared/values';

const AccountId = { accountId: Uuid };

export const AccountOpened = eventCodec(
  'AccountOpened',
  t.type({ ...AccountId, name: t.string, edition: Edition, ownerAdminId: Uuid }),
);
export const EditionChanged = eventCodec(
  'EditionChanged',
  t.type({ ...AccountId, edition: Edition, previousEdition: Edition }),
);
export const NewEnrollmentEnabled = eventCodec('NewEnrollmentEnabled', t.type(AccountId));
export const NewEnrollmentDisabled = eventCodec('NewEnrollmentDisabled', t.type(AccountId));
export const AdministratorAdded = eventCodec(
  'AdministratorAdded',
  t.type({ ...AccountId, adminId: Uuid, role: Role }),
);
export const AdministratorRoleChanged = eventCodec(
  'AdministratorRoleChanged',
  t.type({ ...AccountId, adminId: Uuid, role: Role, previousRole: Role }),
);
export const AdministratorRemoved = eventCodec(
  'AdministratorRemoved',
  t.type({ ...AccountId, adminId: Uuid, role: Role }),
);

export const accountEventCodecs = {
  AccountOpened,
  EditionChanged,
  NewEnrollmentEnabled,
  NewEnrollmentDisabled,
  AdministratorAdded,
  AdministratorRoleChanged,
  AdministratorRemoved,
} as const;

export type AccountEvent = t.TypeOf<(typeof accountEventCodecs)[keyof typeof accountEventCodecs]>;
export const isAccountEvent = memberOf<AccountEvent>(accountEventCodecs);
