import { categoryOf, type EventStore, type JsonValue } from '@ssp/eventstore';
import { streams } from '@ssp/domain';
import { historyOf } from './store-history';

type Holder = Readonly<{ userId: string; deviceId: string }>;

const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

/**
 * Reads the whole store and lists every phone that holds a number without holding that
 * number's claim (the invariant: claim first, device second; removal first, release second).
 * An empty list means every device has its claim.
 */
export const phonesWithoutTheirClaim = async (store: EventStore): Promise<readonly string[]> => {
  const phones = new Map<string, Holder & Readonly<{ accountId: string; phoneNumber: string }>>();
  const claims = new Map<string, Holder>();
  for (const { streamName, type, data } of await historyOf(store)) {
    const category = categoryOf(streamName);
    if (category === 'UserDevices' && type === 'DeviceEnrolled' && data.phoneNumber !== undefined) {
      const phone = { accountId: text(data.accountId), phoneNumber: text(data.phoneNumber), userId: text(data.userId), deviceId: text(data.deviceId) };
      phones.set(phone.deviceId, phone);
    }
    if (category === 'UserDevices' && type === 'DeviceRemoved') phones.delete(text(data.deviceId));
    if (category === 'PhoneNumberClaim' && type === 'PhoneNumberClaimed') claims.set(streamName, { userId: text(data.userId), deviceId: text(data.deviceId) });
    if (category === 'PhoneNumberClaim' && type === 'PhoneNumberReleased') claims.delete(streamName);
  }
  return [...phones.values()].flatMap((phone) => {
    const claim = claims.get(streams.phoneNumberClaim(phone.accountId, phone.phoneNumber));
    return claim?.userId === phone.userId && claim.deviceId === phone.deviceId ? [] : [`${phone.phoneNumber} on device ${phone.deviceId} of user ${phone.userId}`];
  });
};
