import * as E from 'fp-ts/Either';
import { v4 as uuidv4 } from 'uuid';
import {
  decodeCommand,
  defaultPolicy,
  isAccountCommand,
  isApplicationCommand,
  isPortalSessionCommand,
  isUserDevicesCommand,
  streams,
  type Command,
  type Policy,
} from '@ssp/domain';
import type { EventStore } from '@ssp/eventstore';
import { attemptAccountCommand } from './account-commands';
import { attemptApplicationCommand } from './application-commands';
import type { AttemptInputs, AttemptResult, ClaimMade, Hooks } from './attempt';
import { commandDigest } from './command-digest';
import { createKeyedQueue } from './keyed-queue';
import { createLoaders } from './loaders';
import { abandonClaim } from './phone-number-claims';
import { attemptPortalSessionCommand } from './portal-session-commands';
import type { CommandResult } from './result';
import { defaultRetryPolicy, pauseAfter, realTimer, type RetryPolicy, type RetryTimer } from './retry';
import { createCommandTelemetry, type CommandRecording, type CommandTelemetryOptions } from './telemetry/command-telemetry';
import { attemptUserDevicesCommand } from './user-devices-commands';

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
  /** Folded streams kept in memory, per kind of stream (default 10,000; 0 turns the cache off). */
  cacheCapacity?: number;
  /**
   * The cache's memory budget in (estimated) bytes, for the whole handler (default 320 MiB,
   * 64 MiB per kind of stream). A stream's cost grows with its history: each command id
   * recorded in it is kept (about 256 bytes per event) to answer retries without reading the stream.
   */
  cacheMaxBytes?: number;
  /** The source of retry jitter. */
  random?: () => number;
  hooks?: Hooks;
  /** Spans and metrics through `@opentelemetry/api`, if installed (see docs/observability.md). */
  telemetry?: CommandTelemetryOptions;
}>;

export type CommandHandler = (command: unknown) => Promise<CommandResult>;

/** Where a command goes: the stream it changes (commands on one stream queue behind each other), and how to attempt it. */
type Route = Readonly<{ streamName: string; attempt: (inputs: AttemptInputs) => Promise<AttemptResult> }>;

const routeOf = (command: Command): Route => {
  if (isAccountCommand(command)) return { streamName: streams.account(command.data.accountId), attempt: (inputs) => attemptAccountCommand(inputs, command) };
  if (isApplicationCommand(command)) {
    return { streamName: streams.application(command.data.applicationId), attempt: (inputs) => attemptApplicationCommand(inputs, command) };
  }
  if (isPortalSessionCommand(command)) {
    return { streamName: streams.portalSession(command.data.sessionId), attempt: (inputs) => attemptPortalSessionCommand(inputs, command) };
  }
  if (isUserDevicesCommand(command)) {
    return { streamName: streams.userDevices(command.data.userId), attempt: (inputs) => attemptUserDevicesCommand(inputs, command) };
  }
  const unreachable: never = command;
  return unreachable;
};

/**
 * The only way to change anything: decode → load the command's stream and the streams its
 * rules read → decide → append at the revision that was read. On a conflict the command is
 * decided again on fresh state, after a short random pause, for as long as the retry budget
 * lasts; CONCURRENCY_CONFLICT only when it is spent. The same command sent again under its
 * command id succeeds with no events, also after a restart, because ids are read from history.
 */
export const createCommandHandler = (options: CommandHandlerOptions): CommandHandler => {
  const { store } = options;
  const clock = options.clock ?? (() => new Date().toISOString());
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const timer = options.timer ?? realTimer;
  const random = options.random ?? Math.random;
  const settings = {
    store,
    loaders: createLoaders(store, { entries: options.cacheCapacity, bytes: options.cacheMaxBytes }),
    newId: options.newId ?? uuidv4,
    policy: options.policy ?? defaultPolicy,
    claimLeaseSeconds: options.claimLeaseSeconds ?? 60,
    hooks: options.hooks ?? {},
  };
  const queue = createKeyedQueue();
  const recorded = createCommandTelemetry(options.telemetry ?? {}, timer);

  const run = async (command: Command, route: Route, recording: CommandRecording): Promise<CommandResult> => {
    const digest = commandDigest(command);
    const started = timer.now();
    // Claims appended along the way: reported with the events, or given back if the command fails.
    const claims: ClaimMade[] = [];
    for (let attempts = 1; ; attempts += 1) {
      const inputs: AttemptInputs = { ...settings, now: clock(), commandDigest: digest };
      recording.attempted();
      const result = await route.attempt(inputs);
      if (result.claim !== undefined) claims.push(result.claim);
      if (result.kind === 'accepted') return { ok: true, events: [...claims.flatMap((claim) => claim.events), ...result.events] };
      if (result.kind === 'conflict') recording.conflicted(result.streamName);
      const pause = pauseAfter(attempts, retry, random);
      const outOfRetries = attempts >= retry.maxAttempts || timer.now() - started + pause > retry.budgetMs;
      if (result.kind === 'refused' || outOfRetries) {
        for (const claim of claims) await abandonClaim(inputs, command, claim.request);
        if (result.kind === 'refused') return { ok: false, error: result.error };
        const spent = Math.round(timer.now() - started);
        return {
          ok: false,
          error: { code: 'CONCURRENCY_CONFLICT', message: `the stream kept changing through ${attempts} attempts in ${spent} ms; try again` },
        };
      }
      await timer.sleep(pause);
    }
  };

  return (input) =>
    recorded(input, async (recording) => {
      const decoded = decodeCommand(input);
      if (E.isLeft(decoded)) return { ok: false, error: decoded.left };
      const command = decoded.right;
      const route = routeOf(command);
      recording.decoded(command, route.streamName);
      return queue(route.streamName, () => run(command, route, recording));
    });
};
