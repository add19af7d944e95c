import type { Attributes, Counter, Histogram, MeterProvider, SpanStatusCode, Tracer, TracerProvider } from '@opentelemetry/api';
import { commandTypes, type Command } from '@ssp/domain';
import { categoryOf } from '@ssp/eventstore';
import type { CommandErrorCode, CommandResult } from '../result';
import type { RetryTimer } from '../retry';
import { installedApi, type ApiSource, type OpenTelemetryApi } from './api';
import { commandAttributes as attr, commandMetrics, commandSpanName, conflictEventName, unknownCommandType, type CommandOutcome } from './names';

export type CommandTelemetryOptions = Readonly<{
  /**
   * Where `@opentelemetry/api` comes from: by default the installed one, if any. An app may
   * pass the module it imported (`api: () => otel`), and a test a source that finds nothing.
   */
  api?: ApiSource;
  /** Where spans go. Default: the API's global tracer provider, looked up at each command. */
  tracerProvider?: TracerProvider;
  /** Where metrics go. Default: the API's global meter provider, looked up at each command. */
  meterProvider?: MeterProvider;
}>;

/** What the handler tells about one command as it goes. */
export type CommandRecording = Readonly<{
  decoded: (command: Command, streamName: string) => void;
  attempted: () => void;
  conflicted: (streamName: string) => void;
}>;

/** Handles one command (`handle`), recording it as a span and in the metrics. */
export type CommandTelemetry = (input: unknown, handle: (recording: CommandRecording) => Promise<CommandResult>) => Promise<CommandResult>;

const notRecording: CommandRecording = { decoded: () => undefined, attempted: () => undefined, conflicted: () => undefined };

type Meters = Readonly<{ handled: Counter; duration: Histogram; conflicts: Counter }>;
type Instruments = Readonly<{ tracer: Tracer; meters: Meters | undefined }>;

const scope = '@ssp/commands';

// A tenth of a millisecond in memory, milliseconds against a server, up to the retry budget (5 s) under contention.
const durationBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

const spanError: SpanStatusCode.ERROR = 2;

/** Codes that mean the command was never decided: an operator's concern, so the span is an error. */
const undecided: ReadonlySet<CommandErrorCode> = new Set<CommandErrorCode>(['STORE_UNAVAILABLE', 'STORE_FAILURE', 'CONCURRENCY_CONFLICT']);

const knownTypes: ReadonlySet<string> = new Set(commandTypes);

/** The command's type if it names one of the contract, else `unknown`: never the caller's text. */
const commandTypeOf = (input: unknown): string =>
  typeof input === 'object' && input !== null && 'type' in input && typeof input.type === 'string' && knownTypes.has(input.type)
    ? input.type
    : unknownCommandType;

const instrumentsOf = (api: OpenTelemetryApi, tracerProvider: TracerProvider, meterProvider: MeterProvider): Instruments => {
  const meter = meterProvider.getMeter(scope);
  return {
    tracer: tracerProvider.getTracer(scope),
    // The API's no-op meter (no provider registered): then no attribute set is built for it.
    meters:
      meter === api.createNoopMeter()
        ? undefined
        : {
            handled: meter.createCounter(commandMetrics.handled, { unit: '{command}', description: 'Commands handled, by type, outcome and error code' }),
            duration: meter.createHistogram(commandMetrics.duration, {
              unit: 'ms',
              description: 'Time from receiving a command to answering it, queueing and retries included',
              advice: { explicitBucketBoundaries: durationBuckets },
            }),
            conflicts: meter.createCounter(commandMetrics.conflicts, {
              unit: '{conflict}',
              description: 'Appends refused for a wrong expected revision, each followed by a retry unless the budget was spent',
            }),
          },
  };
};

/**
 * The instruments of the providers in force: the same as for the last command unless a
 * provider was registered or removed since, so that a handler created before the app starts
 * its SDK still records, and one lookup of each global is all a command pays.
 */
const instrumentsInForce = (options: CommandTelemetryOptions): ((api: OpenTelemetryApi) => Instruments) => {
  let cached: Readonly<{ tracerProvider: TracerProvider; meterProvider: MeterProvider; instruments: Instruments }> | undefined;
  return (api) => {
    const tracerProvider = options.tracerProvider ?? api.trace.getTracerProvider();
    const meterProvider = options.meterProvider ?? api.metrics.getMeterProvider();
    if (cached?.tracerProvider !== tracerProvider || cached.meterProvider !== meterProvider) {
      cached = { tracerProvider, meterProvider, instruments: instrumentsOf(api, tracerProvider, meterProvider) };
    }
    return cached.instruments;
  };
};

/**
 * One span per command (`ssp.command <type>`), and the command metrics (see
 * docs/observability.md). Durations are read from the handler's retry timer, so that a test's
 * virtual timer gives exact figures. Without the API, or with nothing registered, a command pays
 * a lookup and a no-op span.
 */
export const createCommandTelemetry = (options: CommandTelemetryOptions, timer: RetryTimer): CommandTelemetry => {
  const apiOf = options.api ?? installedApi;
  const instruments = instrumentsInForce(options);
  // Looked for now, when the app starts, so that an ES module build's import is under way early.
  void apiOf();

  return async (input, handle) => {
    const found = apiOf();
    const api = found instanceof Promise ? await found : found;
    if (api === undefined) return handle(notRecording);
    const { tracer, meters } = instruments(api);
    const type = commandTypeOf(input);
    const span = tracer.startSpan(commandSpanName(type));
    const tracing = span.isRecording();
    if (!tracing && meters === undefined) {
      span.end();
      return handle(notRecording);
    }

    const started = timer.now();
    let commandId: string | undefined;
    let stream: string | undefined;
    let attempts = 0;
    let conflicts = 0;
    const recording: CommandRecording = {
      decoded: (command, streamName) => {
        commandId = command.commandId;
        stream = streamName;
      },
      attempted: () => {
        attempts += 1;
      },
      conflicted: (streamName) => {
        conflicts += 1;
        if (tracing) span.addEvent(conflictEventName, { [attr.streamName]: streamName, [attr.attemptCount]: attempts });
        meters?.conflicts.add(1, { [attr.type]: type, [attr.streamCategory]: categoryOf(streamName) });
      },
    };

    const end = (outcome: CommandOutcome, result: CommandResult | undefined): void => {
      const errorCode = result !== undefined && !result.ok ? result.error.code : undefined;
      if (tracing) {
        span.setAttributes({
          [attr.type]: type,
          [attr.outcome]: outcome,
          [attr.attemptCount]: attempts,
          [attr.conflictCount]: conflicts,
          [attr.eventCount]: result?.ok === true ? result.events.length : 0,
        });
        if (commandId !== undefined) span.setAttribute(attr.id, commandId);
        if (stream !== undefined) span.setAttribute(attr.stream, stream);
        if (errorCode !== undefined) span.setAttribute(attr.errorCode, errorCode);
        // The code, never the message: a message may quote what the caller sent.
        if (errorCode !== undefined && undecided.has(errorCode)) span.setStatus({ code: spanError, message: errorCode });
      }
      span.end();
      if (meters !== undefined) {
        const attributes: Attributes =
          errorCode === undefined ? { [attr.type]: type, [attr.outcome]: outcome } : { [attr.type]: type, [attr.outcome]: outcome, [attr.errorCode]: errorCode };
        meters.handled.add(1, attributes);
        meters.duration.record(timer.now() - started, attributes);
      }
    };

    try {
      const result = tracing ? await api.context.with(api.trace.setSpan(api.context.active(), span), () => handle(recording)) : await handle(recording);
      end(result.ok ? 'accepted' : 'refused', result);
      return result;
    } catch (error) {
      if (tracing) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: spanError });
      }
      end('error', undefined);
      throw error;
    }
  };
};
