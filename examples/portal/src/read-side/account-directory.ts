import * as t from 'io-ts';
import { Edition, evolveAccount, isAccountEvent, isUserDevicesEvent, Role, type AccountState } from '@ssp/domain';
import type { Projection } from '@ssp/projections';

const RegisteredUserEntry = t.type({ userId: t.string, username: t.string, registeredAt: t.string });

/**
 * Who is in an account, one document per account id: its administrators with the roles its
 * history gives them (folded with the domain's `evolveAccount`) and its users. The Admin
 * Panel's sign-in lists administrators from here, and the user pages list users.
 */
export const AccountDirectory = t.type({
  accountId: t.string,
  name: t.string,
  edition: Edition,
  newEnrollmentEnabled: t.boolean,
  administrators: t.record(t.string, Role),
  users: t.array(RegisteredUserEntry),
});
export type AccountDirectory = t.TypeOf<typeof AccountDirectory>;
export type RegisteredUserEntry = t.TypeOf<typeof RegisteredUserEntry>;

const accountStateOf = (doc: AccountDirectory | undefined): AccountState =>
  doc === undefined ? { status: 'NONE' } : { status: 'OPEN', ...doc };

export const accountDirectoryProjection: Projection<AccountDirectory> = {
  name: 'portal-example-account-directory',
  document: AccountDirectory,
  touches: ({ event }) => (isAccountEvent(event) || (isUserDevicesEvent(event) && event.type === 'UserRegistered') ? [event.data.accountId] : []),
  apply: ({ event, metadata }, current) => {
    if (isAccountEvent(event)) {
      const doc = current(event.data.accountId);
      const next = evolveAccount(accountStateOf(doc), event);
      if (next.status === 'NONE') return [];
      const { status: _status, ...account } = next;
      return [[account.accountId, { ...account, administrators: { ...account.administrators }, users: doc?.users ?? [] }]];
    }
    if (isUserDevicesEvent(event) && event.type === 'UserRegistered') {
      const doc = current(event.data.accountId);
      if (doc === undefined) return [];
      const { userId, username } = event.data;
      if (doc.users.some((user) => user.userId === userId)) return [];
      return [[doc.accountId, { ...doc, users: [...doc.users, { userId, username, registeredAt: metadata.occurredAt }] }]];
    }
    return [];
  },
};
