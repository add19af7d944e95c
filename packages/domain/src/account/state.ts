import type { Edition, Role } from '../shared/enums';
import type { AccountEvent } from './events';

export type AccountState =
  | Readonly<{ status: 'NONE' }>
  | Readonly<{
      status: 'OPEN';
      accountId: string;
      name: string;
      edition: Edition;
      newEnrollmentEnabled: boolean;
      administrators: Readonly<Record<string, Role>>;
    }>;

export const initialAccountState: AccountState = { status: 'NONE' };

const withoutKey = <V>(record: Readonly<Record<string, V>>, key: string): Readonly<Record<string, V>> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

export const evolveAccount = (state: AccountState, event: AccountEvent): AccountState => {
  if (event.type === 'AccountOpened') {
    const { accountId, name, edition, ownerAdminId } = event.data;
    // A new account starts with new enrollment disabled (contract).
    return { status: 'OPEN', accountId, name, edition, newEnrollmentEnabled: false, administrators: { [ownerAdminId]: 'OWNER' } };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'EditionChanged':
      return { ...state, edition: event.data.edition };
    case 'NewEnrollmentEnabled':
      return { ...state, newEnrollmentEnabled: true };
    case 'NewEnrollmentDisabled':
      return { ...state, newEnrollmentEnabled: false };
    case 'AdministratorAdded':
    case 'AdministratorRoleChanged':
      return { ...state, administrators: { ...state.administrators, [event.data.adminId]: event.data.role } };
    case 'AdministratorRemoved':
      return { ...state, administrators: withoutKey(state.administrators, event.data.adminId) };
  }
};

export const roleOf = (state: AccountState, adminId: string): Role | undefined =>
  state.status === 'OPEN' ? state.administrators[adminId] : undefined;

export const ownerCount = (state: AccountState): number =>
  state.status === 'OPEN' ? Object.values(state.administrators).filter((role) => role === 'OWNER').length : 0;
