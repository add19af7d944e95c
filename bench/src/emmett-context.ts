import * as E from 'fp-ts/Either';
import {
  accountDecider,
  applicationDecider,
  defaultPolicy,
  isAccountEvent,
  isApplicationEvent,
  isPortalSessionEvent,
  portalSessionDecider,
  readDomainEvent,
  streams,
  type DomainEvent,
  type UserDevicesContext,
} from '@ssp/domain';
import { benchInstant } from './clock';
import { accountOf, streamsOf, usersOf, type Seed, type SeedEvent } from './seed';

const decodedStream = (events: readonly SeedEvent[]): DomainEvent[] =>
  events.map((event, revision) => {
      const decoded = readDomainEvent({ ...event, revision: BigInt(revision) });
      if (E.isLeft(decoded)) throw new Error(`the seed holds an undecodable event: ${decoded.left.message}`);
      return decoded.right;
    });

/**
 * What our handler loads from the context streams before deciding a user's device command
 * (the account, the portal session, its application), folded once from the seed with the
 * domain's own deciders. Emmett's CommandHandler reads one stream per command, so it is
 * handed these states as they are after the setup: it is spared the reads and folds of the
 * context streams that our handler does on every command (said in the benchmark's notes).
 */
export const emmettContexts = (seed: Seed): Map<string, UserDevicesContext> => {
  const byStream = streamsOf(seed.events);
  const stream = (name: string) => decodedStream(byStream.get(name) ?? []);
  const account = accountOf(seed);
  const accountState = stream(streams.account(account.accountId)).filter(isAccountEvent).reduce(accountDecider.evolve, accountDecider.initialState);
  const applicationState = stream(streams.application(account.applicationId))
    .filter(isApplicationEvent)
    .reduce(applicationDecider.evolve, applicationDecider.initialState);
  const contexts = new Map<string, UserDevicesContext>();
  for (const user of usersOf(seed)) {
    const session = stream(streams.portalSession(user.sessionId)).filter(isPortalSessionEvent).reduce(portalSessionDecider.evolve, portalSessionDecider.initialState);
    contexts.set(user.userId, { now: benchInstant, policy: defaultPolicy, session, application: applicationState, account: accountState });
  }
  return contexts;
};
