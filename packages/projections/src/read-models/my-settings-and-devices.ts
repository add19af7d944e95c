import * as t from 'io-ts';
import { LoginAction, maskPhoneNumber, PhoneKind, Platform, TokenType, isUserDevicesEvent, type UserDevicesEvent } from '@ssp/domain';
import type { Projection, ProjectedEvent } from '../runner/projection';

/** Duo Mobile on a phone: landlines cannot have it; a pending activation shows until it is used. */
const DuoMobile = t.intersection([
  t.type({ status: t.keyof({ ACTIVATED: null, NOT_ACTIVATED: null, NOT_AVAILABLE: null }) }),
  t.partial({ activationPendingUntil: t.string }),
]);

/** One phone of a user's devices, as the document stores it. */
export const PhoneView = t.intersection([
  t.type({
    deviceId: t.string,
    name: t.string,
    kind: PhoneKind,
    platform: Platform,
    duoMobile: DuoMobile,
    isDefault: t.boolean,
    addedAt: t.string,
  }),
  // The number is never stored whole here: the page shows only its last four digits.
  t.partial({ maskedNumber: t.string, extension: t.string, loginAction: LoginAction }),
]);

const TokenView = t.type({ tokenId: t.string, tokenType: TokenType, serial: t.string, addedAt: t.string });

/** What "My Settings & Devices" shows one user, one document per user id. */
export const MySettingsAndDevices = t.type({
  userId: t.string,
  accountId: t.string,
  username: t.string,
  phones: t.array(PhoneView),
  hardwareTokens: t.array(TokenView),
  updatedAt: t.string,
});
export type MySettingsAndDevices = t.TypeOf<typeof MySettingsAndDevices>;
export type PhoneView = t.TypeOf<typeof PhoneView>;

const updatePhone = (doc: MySettingsAndDevices, deviceId: string, change: (phone: PhoneView) => PhoneView): MySettingsAndDevices => ({
  ...doc,
  phones: doc.phones.map((phone) => (phone.deviceId === deviceId ? change(phone) : phone)),
});

const withoutDefault = ({ loginAction: _loginAction, ...phone }: PhoneView): PhoneView => ({ ...phone, isDefault: false });

const evolve = (doc: MySettingsAndDevices, event: Exclude<UserDevicesEvent, { type: 'UserRegistered' }>, at: string): MySettingsAndDevices => {
  switch (event.type) {
    case 'DeviceEnrolled': {
      const { deviceId, name, kind, platform, phoneNumber, extension } = event.data;
      const phone: PhoneView = {
        deviceId,
        name,
        kind,
        platform,
        duoMobile: { status: kind === 'LANDLINE' ? 'NOT_AVAILABLE' : 'NOT_ACTIVATED' },
        isDefault: false,
        addedAt: at,
        ...(phoneNumber === undefined ? {} : { maskedNumber: maskPhoneNumber(phoneNumber) }),
        ...(extension === undefined ? {} : { extension }),
      };
      return { ...doc, phones: [...doc.phones, phone] };
    }
    case 'DeviceRenamed':
      return updatePhone(doc, event.data.deviceId, (phone) => ({ ...phone, name: event.data.name }));
    case 'DuoMobileActivationIssued':
      return updatePhone(doc, event.data.deviceId, (phone) => ({
        ...phone,
        duoMobile: { status: phone.duoMobile.status, activationPendingUntil: event.data.expiresAt },
      }));
    case 'DuoMobileActivated':
      return updatePhone(doc, event.data.deviceId, (phone) => ({ ...phone, duoMobile: { status: 'ACTIVATED' } }));
    case 'DefaultSet':
      return {
        ...doc,
        phones: doc.phones.map((phone) =>
          phone.deviceId === event.data.deviceId
            ? { ...phone, isDefault: true, loginAction: event.data.loginAction }
            : withoutDefault(phone),
        ),
      };
    case 'DeviceRemoved':
      return { ...doc, phones: doc.phones.filter((phone) => phone.deviceId !== event.data.deviceId) };
    case 'HardwareTokenAssigned': {
      const { tokenId, tokenType, serial } = event.data;
      return { ...doc, hardwareTokens: [...doc.hardwareTokens, { tokenId, tokenType, serial, addedAt: at }] };
    }
    case 'HardwareTokenRemoved':
      return { ...doc, hardwareTokens: doc.hardwareTokens.filter((token) => token.tokenId !== event.data.tokenId) };
  }
};

export const mySettingsAndDevicesProjection: Projection<MySettingsAndDevices> = {
  name: 'my-settings-and-devices',
  document: MySettingsAndDevices,
  touches: ({ event }: ProjectedEvent) => (isUserDevicesEvent(event) ? [event.data.userId] : []),
  apply: ({ event, metadata }, current) => {
    if (!isUserDevicesEvent(event)) return [];
    const at = metadata.occurredAt;
    if (event.type === 'UserRegistered') {
      const { userId, accountId, username } = event.data;
      return [[userId, { userId, accountId, username, phones: [], hardwareTokens: [], updatedAt: at }]];
    }
    const doc = current(event.data.userId);
    // A device event for a user never registered cannot come from the command side; ignore it
    // rather than invent a user.
    if (doc === undefined) return [];
    return [[event.data.userId, { ...evolve(doc, event, at), updatedAt: at }]];
  },
};
