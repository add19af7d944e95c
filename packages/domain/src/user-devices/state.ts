import type { LoginAction, PhoneKind, Platform, TokenType } from '../shared/enums';
import type { UserDevicesEvent } from './events';

export type Phone = Readonly<{
  deviceId: string;
  kind: PhoneKind;
  platform: Platform;
  name: string;
  phoneNumber?: string;
  extension?: string;
  duoMobileActivated: boolean;
}>;

export type HardwareToken = Readonly<{ tokenId: string; serial: string; tokenType: TokenType }>;

export type Activation = Readonly<{ deviceId: string; expiresAt: string; used: boolean }>;

export type RegisteredUser = Readonly<{
  status: 'REGISTERED';
  userId: string;
  accountId: string;
  username: string;
  /** In enrollment order. */
  phones: readonly Phone[];
  tokens: readonly HardwareToken[];
  defaultDevice?: Readonly<{ deviceId: string; loginAction: LoginAction }>;
  activations: Readonly<Record<string, Activation>>;
  /** Every device and token id the user ever had: an id is never reused, so history stays unambiguous. */
  usedIds: readonly string[];
}>;

export type UserDevicesState = Readonly<{ status: 'NONE' }> | RegisteredUser;

export const initialUserDevicesState: UserDevicesState = { status: 'NONE' };

const updatePhone = (user: RegisteredUser, deviceId: string, change: (phone: Phone) => Phone): RegisteredUser => ({
  ...user,
  phones: user.phones.map((phone) => (phone.deviceId === deviceId ? change(phone) : phone)),
});

export const evolveUserDevices = (state: UserDevicesState, event: UserDevicesEvent): UserDevicesState => {
  if (event.type === 'UserRegistered') {
    const { userId, accountId, username } = event.data;
    return { status: 'REGISTERED', userId, accountId, username, phones: [], tokens: [], activations: {}, usedIds: [] };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'DeviceEnrolled': {
      const { deviceId, kind, platform, name, phoneNumber, extension } = event.data;
      const phone: Phone = {
        deviceId,
        kind,
        platform,
        name,
        duoMobileActivated: false,
        ...(phoneNumber === undefined ? {} : { phoneNumber }),
        ...(extension === undefined ? {} : { extension }),
      };
      return { ...state, phones: [...state.phones, phone], usedIds: [...state.usedIds, deviceId] };
    }
    case 'DeviceRenamed':
      return updatePhone(state, event.data.deviceId, (phone) => ({ ...phone, name: event.data.name }));
    case 'DuoMobileActivationIssued': {
      const { activationId, deviceId, expiresAt } = event.data;
      return { ...state, activations: { ...state.activations, [activationId]: { deviceId, expiresAt, used: false } } };
    }
    case 'DuoMobileActivated': {
      const { activationId, deviceId } = event.data;
      const activation = state.activations[activationId];
      const activations = activation === undefined ? state.activations : { ...state.activations, [activationId]: { ...activation, used: true } };
      return { ...updatePhone(state, deviceId, (phone) => ({ ...phone, duoMobileActivated: true })), activations };
    }
    case 'DefaultSet':
      return { ...state, defaultDevice: { deviceId: event.data.deviceId, loginAction: event.data.loginAction } };
    case 'DeviceRemoved': {
      const { deviceId } = event.data;
      const { defaultDevice, ...rest } = state;
      const phones = state.phones.filter((phone) => phone.deviceId !== deviceId);
      // Removing the default device leaves the user with no default.
      return defaultDevice?.deviceId === deviceId ? { ...rest, phones } : { ...state, phones };
    }
    case 'HardwareTokenAssigned': {
      const { tokenId, serial, tokenType } = event.data;
      return { ...state, tokens: [...state.tokens, { tokenId, serial, tokenType }], usedIds: [...state.usedIds, tokenId] };
    }
    case 'HardwareTokenRemoved':
      return { ...state, tokens: state.tokens.filter((token) => token.tokenId !== event.data.tokenId) };
  }
};

export const deviceCount = (user: RegisteredUser): number => user.phones.length + user.tokens.length;

export const findPhone = (user: RegisteredUser, deviceId: string): Phone | undefined =>
  user.phones.find((phone) => phone.deviceId === deviceId);

export const findToken = (user: RegisteredUser, tokenId: string): HardwareToken | undefined =>
  user.tokens.find((token) => token.tokenId === tokenId);
