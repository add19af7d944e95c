import * as E from 'fp-ts/Either';
import type { StoreError } from '@ssp/eventstore';
import type { PortalServices } from '../../services';

/** A device as the step-up's chooser names it: what Duo's prompt shows, a name and the last digits. */
export type DeviceChoice = Readonly<{ deviceId: string; label: string; kind: 'phone' | 'token' }>;

export const deviceChoicesOf = async (services: PortalServices, userId: string): Promise<E.Either<StoreError, readonly DeviceChoice[]>> => {
  const devices = await services.queries.devicesOf(userId)();
  if (E.isLeft(devices)) return devices;
  const doc = devices.right;
  if (doc === undefined) return E.right([]);
  return E.right([
    ...doc.phones.map((phone): DeviceChoice => ({
      deviceId: phone.deviceId,
      label: phone.maskedNumber === undefined ? phone.name : `${phone.name} (${phone.maskedNumber})`,
      kind: 'phone',
    })),
    ...doc.hardwareTokens.map((token): DeviceChoice => ({ deviceId: token.tokenId, label: `Hardware token ${token.serial}`, kind: 'token' })),
  ]);
};
