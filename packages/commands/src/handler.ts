import * as E from 'fp-ts/Either';
import { v4 as uuidv4 } from 'uuid';
import {
  accountCommandCodecs,
  applicationCommandCodecs,
  decodeCommand,
  defaultPolicy,
  portalSessionCommandCodecs,
  type AccountCommand,
  type ApplicationCommand,
  type Command,
  type Policy,
  type PortalSessionCommand,
  type UserDevicesCommand,
} from '@ssp/domain';
import type { EventStore } from '@ssp/eventstore';
import { handleAccountCommand } from './account-commands';
import { handleApplicationCommand } from './application-commands';
import { createLoaders, storeFailure, type Attempt, type Hooks, type Outcome } from './context';
import { commandDigest } from './command-digest';
import { createKeyedQueue } from './keyed-queue';
import { handlePortalSessionCommand } from './portal-session-commands';
import type { CommandResult } from './result';
import { defaultRetryPolicy, pauseAfter, realTimer, type RetryPolicy, type RetryTimer } from './retry';
import { streams } from './streams';
import { abandonClaim, handleUserDevicesCommand } from './user-devices-commands';

export type CommandHandlerOptions = Readonly<{
  store: EventStore;
  /** The time of each command, as an ISO 8601 UTC string. Defaults to the system clock. */
  clock?: () => string;
  /** Event ids. Defaults to random UUIDs. */
  newId?: () => string;
  policy?: Policy;
  /** How long conflicts are retried before CONCURRENCY_CONFLICT (see `RetryPolicy`). */
  retry?: Partial<RetryPolicy>;
  /** The time source of retries: real time unless a test gives a virtual one. */
  timer?: RetryTimer;
  /** How long a phone-number claim without its device still blocks the number. */
  claimLeaseSeconds?: number;
  /** Folded streams kept in memory, per kind of stream. */
  cacheCapacity?: number;
  /** The source of retry jitter. */
  random?: () => number;
  hooks?: Hooks;
}>;

export type CommandHandler = (command: unknown) => Promise<CommandResult>;

const isAccountCommand = (command: Command): command is AccountCommand => Object.hasOwn(accountCommandCodecs, command.type);
const isApplicationCommand = (command: Command): command is ApplicationCommand => Object.hasOwn(applicationCommandCodecs, command.type);
const isPortalSessionCommand = (command: Command): command is PortalSessionCommand =>
  Object.hasOwn(portalSessionCommandCodecs, command.type);
const isUserDevicesCommand = (command: Command): command is UserDevicesCommand =>
  !isAccountCommand(command) && !isApplicationCommand(command) && !isPortalSessionCommand(command);

/** The stream a command changes: commands on one stream are queued behind each other. */
const targetStream = (command: Command): string => {
  if (isAccountCommand(command)) return streams.account(command.data.accountId);
  if (isApplicationCommand(command)) return streams.application(command.data.applicationId);
  if (isPortalSessionCommand(command)) return streams.portalSession(command.data.sessionId);
  return streams.userDevices(command.data.userId);
};

const attemptOnce = (attempt: Attempt, command: Command): Promise<Outcome> => {
  if (isAccountCommand(command)) return handleAccountCommand(attempt, command);
  if (isApplicationCommand(command)) return handleApplicationCommand(attempt, command);
  if (isPortalSessionCommand(command)) return handlePortalSessionCommand(attempt, command);
  if (isUserDevicesCommand(command)) return handleUserDevicesCommand(attempt, command);
  const unreachable: never = command;
  return unreachable;
};

/**
 * The only way to change anything: decode → load the command's stream and the streams its
 * rules read → decide → append at the revision that was read. On a conflict the command is
 * decided again on fresh state, after a short random pause, for as long as the retry budget
 * lasts; CONCURRENCY_CONFLICT only when it is spent. A command id already recorded in its
 * stream succeeds with no events, also after a restart, because the ids are read from history.
 */
export const createCommandHandler = (options: CommandHandlerOptions): CommandHandler => {
  const { store } = options;
  const clock = options.clock ?? (() => new Date().toISOString());
  const newId = options.newId ?? uuidv4;
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const timer = options.timer ?? realTimer;
  const random = options.random ?? Math.random;
  const loaders = createLoaders(store, options.cacheCapacity);
  const queue = createKeyedQueue();

  const run = async (command: Command): Promise<CommandResult> => {
    const trace = {};
    const digest = commandDigest(command);
    const started = timer.now();
    for (let attempts = 1; ; attempts += 1) {
      const attempt: Attempt = {
        store,
        loaders,
        now: clock(),
        newId,
        policy: options.policy ?? defaultPolicy,
        claimLeaseSeconds: options.claimLeaseSeconds ?? 60,
        hooks: options.hooks ?? {},
        trace,
        commandDigest: digest,
      };
      const outcome = await attemptOnce(attempt, command);
      if (E.isRight(outcome)) return { ok: true, events: outcome.right };
      const failure = outcome.left;
      if (!('kind' in failure && failure.kind === 'Conflict')) {
        if (isUserDevicesCommand(command)) await abandonClaim(attempt, command);
        return { ok: false, error: 'code' in failure ? failure : storeFailure(failure) };
      }
      const pause = pauseAfter(attempts, retry, random);
      if (attempts >= retry.maxAttempts || timer.now() - started + pause > retry.budgetMs) {
        if (isUserDevicesCommand(command)) await abandonClaim(attempt, command);
        const spent = Math.round(timer.now() - started);
        return {
          ok: false,
          error: { code: 'CONCURRENCY_CONFLICT', message: `the stream kept changing through ${attempts} attempts in ${spent} ms; try again` },
        };
      }
      await timer.sleep(pause);
    }
  };

  return async (input) => {
    const decoded = decodeCommand(input);
    if (E.isLeft(decoded)) return { ok: false, error: decoded.left };
    const command = decoded.right;
    return queue(targetStream(command), () => run(command));
  };
};
