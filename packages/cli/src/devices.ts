import * as E from 'fp-ts/Either';
import { fold, isUserDevicesEvent, maskPhoneNumber, readDomainEvent, streams, userDevicesDecider, type DomainEvent, type UserDevicesState } from '@ssp/domain';
import type { EventStore } from '@ssp/eventstore';

/** A user's devices as their own history says now. */
export const loadUserDevices = async (store: EventStore, userId: string): Promise<E.Either<string, UserDevicesState>> => {
  const read = await store.readStream(streams.userDevices(userId))();
  if (E.isLeft(read)) return E.left(`cannot read the user's devices: ${read.left.kind}`);
  const history: DomainEvent[] = [];
  for (const recorded of read.right) {
    const event = readDomainEvent(recorded);
    if (E.isLeft(event)) return E.left(event.left.message);
    history.push(event.right);
  }
  return E.right(fold(userDevicesDecider, history.filter(isUserDevicesEvent)));
};

/** The lines a person reads under "My Settings & Devices". */
export const describeDevices = (state: UserDevicesState): readonly string[] => {
  if (state.status !== 'REGISTERED') return ['(no such user)'];
  const phones = state.phones.map((phone) => {
    const isDefault = state.defaultDevice?.deviceId === phone.deviceId ? `  ★ default, login action ${state.defaultDevice.loginAction}` : '';
    const number = phone.phoneNumber === undefined ? '' : ` ${maskPhoneNumber(phone.phoneNumber)}`;
    const duo = phone.kind === 'LANDLINE' ? '' : phone.duoMobileActivated ? ', Duo Mobile active' : ', Duo Mobile not activated';
    return `📱 ${phone.name} (${phone.kind.toLowerCase()}${number}${duo})${isDefault}`;
  });
  const tokens = state.tokens.map((token) => `🔑 hardware token ${token.tokenType} ${token.serial}`);
  const lines = [...phones, ...tokens];
  return lines.length === 0 ? ['(no devices)'] : lines;
};
