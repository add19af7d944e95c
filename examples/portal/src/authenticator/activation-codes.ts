import { randomInt } from 'node:crypto';
import type { CommandResult } from '@ssp/commands';
import type { PortalServices } from '../services';

/** A Duo Mobile activation the domain issued, and who asked for it, under the code the phone scans. */
export type IssuedActivation = Readonly<{ code: string; activationId: string; userId: string; sessionId: string; deviceId: string }>;

export type ScanOutcome = Readonly<{ kind: 'unknown-code' }> | Readonly<{ kind: 'sent'; activation: IssuedActivation; result: CommandResult }>;

export type ActivationCodes = Readonly<{
  /** After the domain accepted `IssueDuoMobileActivation`: the code to show and encode in the QR code. */
  issued: (activation: Omit<IssuedActivation, 'code'>) => IssuedActivation;
  byActivationId: (activationId: string) => IssuedActivation | undefined;
  /** The phone scanned (typed) a code: Duo Mobile activates, in the session that issued the code. */
  scan: (scanningDeviceId: string, code: string) => Promise<ScanOutcome>;
}>;

/** Letters and digits that cannot be mistaken for each other when typed. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newCode = (): string =>
  Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => alphabet[randomInt(0, alphabet.length)] ?? 'A').join('')).join('-');

const normalise = (typed: string): string => typed.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Activation codes, kept in this process's memory (a new one can be issued after a restart).
 * The code stands for the activation the domain issued; activating sends `ActivateDuoMobile`
 * with the actor of the portal session that issued it (built on the server when it was
 * issued, never from what the phone sends) and the scanning phone's device id, so that the
 * domain refuses a code scanned on another device, used, or expired.
 */
export const createActivationCodes = (services: PortalServices): ActivationCodes => {
  const byCode = new Map<string, IssuedActivation>();
  return {
    issued: (activation) => {
      const issued = { ...activation, code: newCode() };
      byCode.set(normalise(issued.code), issued);
      return issued;
    },
    byActivationId: (activationId) => [...byCode.values()].find((activation) => activation.activationId === activationId),
    scan: async (scanningDeviceId, code) => {
      const activation = byCode.get(normalise(code));
      if (activation === undefined) return { kind: 'unknown-code' };
      const result = await services.execute({
        type: 'ActivateDuoMobile',
        actor: { kind: 'user', userId: activation.userId, sessionId: activation.sessionId },
        data: { userId: activation.userId, deviceId: scanningDeviceId, activationId: activation.activationId },
      });
      return { kind: 'sent', activation, result };
    },
  };
};
