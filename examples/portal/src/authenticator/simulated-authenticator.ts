import { randomInt } from 'node:crypto';
import type { CommandResult } from '@ssp/commands';
import type { StepUpMethod } from '@ssp/domain';
import type { PortalServices } from '../services';
import { createActivationCodes, type ActivationCodes } from './activation-codes';
import { passcodesMatch } from './passcodes';

/** A second-factor challenge the simulated phone shows: a push, a call, or a passcode to read. */
export type Challenge = Readonly<{
  challengeId: string;
  sessionId: string;
  userId: string;
  deviceId: string;
  method: StepUpMethod;
  /** For SMS and passcodes: what the phone shows and the user types into the prompt. */
  passcode?: string;
  sentAt: string;
  outcome: 'pending' | 'approved' | 'denied';
}>;

export type PasscodeOutcome = Readonly<{ kind: 'no-challenge' }> | Readonly<{ kind: 'answered'; matched: boolean; result: CommandResult }>;

export type SimulatedAuthenticator = Readonly<{
  /** After the domain accepted `BeginStepUp`: sends the challenge to the device. It replaces the session's earlier one. */
  send: (challenge: Readonly<{ sessionId: string; userId: string; deviceId: string; method: StepUpMethod }>) => Challenge;
  /** The session's latest challenge. */
  challengeOf: (sessionId: string) => Challenge | undefined;
  /** What a device shows: its challenges still waiting for an answer. */
  pendingOn: (deviceId: string) => readonly Challenge[];
  /** The phone approves a push or answers the call: the authenticator completes the step-up. */
  approve: (challengeId: string, deviceId: string) => Promise<CommandResult | undefined>;
  /** The phone denies the push or declines the call: the authenticator fails the step-up. */
  deny: (challengeId: string, deviceId: string) => Promise<CommandResult | undefined>;
  /** The user typed a passcode into the prompt: right completes the step-up, wrong fails it. */
  checkPasscode: (sessionId: string, passcode: string) => Promise<PasscodeOutcome>;
  activations: ActivationCodes;
}>;

const sixDigits = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * The example's stand-in for Duo's cloud and the phone in the user's pocket. It keeps the
 * challenges it sent in memory (lost on restart: a user then begins a new step-up) and
 * answers them as the trusted authenticator, with `CompleteStepUp` or `FailStepUp`. Whether a
 * step-up is completed is never kept here: the domain records it, and the pages read it from
 * the portal-session read model.
 */
export const createSimulatedAuthenticator = (services: PortalServices): SimulatedAuthenticator => {
  const challenges = new Map<string, Challenge>();
  const latestOfSession = new Map<string, string>();
  const authenticator = { kind: 'authenticator' } as const;

  const settle = (challenge: Challenge, outcome: 'approved' | 'denied'): void => {
    challenges.set(challenge.challengeId, { ...challenge, outcome });
  };

  const answer = async (challengeId: string, deviceId: string, outcome: 'approved' | 'denied'): Promise<CommandResult | undefined> => {
    const challenge = challenges.get(challengeId);
    if (challenge === undefined || challenge.deviceId !== deviceId || challenge.outcome !== 'pending') return undefined;
    if (latestOfSession.get(challenge.sessionId) !== challengeId) return undefined;
    const type = outcome === 'approved' ? 'CompleteStepUp' : 'FailStepUp';
    const result = await services.execute({ type, actor: authenticator, data: { sessionId: challenge.sessionId } });
    settle(challenge, outcome);
    return result;
  };

  return {
    send: ({ sessionId, userId, deviceId, method }) => {
      const previous = latestOfSession.get(sessionId);
      if (previous !== undefined) challenges.delete(previous);
      const challenge: Challenge = {
        challengeId: services.newId(),
        sessionId,
        userId,
        deviceId,
        method,
        sentAt: services.clock(),
        outcome: 'pending',
        ...(method === 'SMS' || method === 'PASSCODE' ? { passcode: sixDigits() } : {}),
      };
      challenges.set(challenge.challengeId, challenge);
      latestOfSession.set(sessionId, challenge.challengeId);
      return challenge;
    },
    challengeOf: (sessionId) => {
      const challengeId = latestOfSession.get(sessionId);
      return challengeId === undefined ? undefined : challenges.get(challengeId);
    },
    pendingOn: (deviceId) => [...challenges.values()].filter((challenge) => challenge.deviceId === deviceId && challenge.outcome === 'pending'),
    approve: (challengeId, deviceId) => answer(challengeId, deviceId, 'approved'),
    deny: (challengeId, deviceId) => answer(challengeId, deviceId, 'denied'),
    checkPasscode: async (sessionId, passcode) => {
      const challengeId = latestOfSession.get(sessionId);
      const challenge = challengeId === undefined ? undefined : challenges.get(challengeId);
      if (challenge?.passcode === undefined || challenge.outcome !== 'pending') return { kind: 'no-challenge' };
      const matched = passcodesMatch(passcode, challenge.passcode);
      const result = await services.execute({ type: matched ? 'CompleteStepUp' : 'FailStepUp', actor: authenticator, data: { sessionId } });
      settle(challenge, matched ? 'approved' : 'denied');
      return { kind: 'answered', matched, result };
    },
    activations: createActivationCodes(services),
  };
};
