import type { Counter, Histogram, MeterProvider, SpanStatusCode, Tracer, TracerProvider } from '@opentelemetry/api';
import * as E from 'fp-ts/Either';
import { serialisePosition, type Position } from '@ssp/eventstore';
import type { ProjectionError } from '../runner/errors';
import { installedApi, type ApiSource, type OpenTelemetryApi } from './api';
import { projectionAttributes as attr, batchSpanName, projectionMetrics, type ProjectionPhase } from './names';

export type ProjectionTelemetryOptions = Readonly<{
  /**
   * Where `@opentelemetry/api` comes from: by default the installed one, if any. An app may
   * pass the module it imported (`api: () => otel`), and a test a source that finds nothing.
   */
  api?: ApiSource;
  /** Where spans go. Default: the API's global tracer provider, looked up at each batch. */
  tracerProvider?: TracerProvider;
  /** Where metrics go. Default: the API's global meter provider, looked up at each batch. */
  meterProvider?: MeterProvider;
}>;

/** What the runner tells about a batch once its documents and checkpoint are committed. */
export type BatchRecording = Readonly<{
  committed: (checkpoint: Position, applied: number, newestOccurredAt: string) => void;
}>;

export type ProjectionTelemetry = Readonly<{
  /** Runs one batch (`apply`) inside its span. */
  batch: <A>(
    projection: string,
    phase: ProjectionPhase,
    apply: (recording: BatchRecording) => Promise<E.Either<ProjectionError, A>>,
  ) => Promise<E.Either<ProjectionError, A>>;
  /** Counts the error a projection stopped on, once, where the runner answers it. */
  failed: (projection: string, error: ProjectionError) => Promise<void>;
}>;

type Meters = Readonly<{ eventsApplied: Counter; lag: Histogram; errors: Counter }>;
type Instruments = Readonly<{ tracer: Tracer; meters: Meters | undefined }>;

const scope = '@ssp/projections';

// From a live event a few milliseconds old to a replay of history months old: a day and beyond is one bucket.
const lagBuckets = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000, 86_400_000];

const spanError: SpanStatusCode.ERROR = 2;

const notRecording: BatchRecording = { committed: () => undefined };

const instrumentsOf = (api: OpenTelemetryApi, tracerProvider: TracerProvider, meterProvider: MeterProvider): Instruments => {
  const meter = meterProvider.getMeter(scope);
  return {
    tracer: tracerProvider.getTracer(scope),
    // The API's no-op meter (no provider registered): then no attribute set is built for it.
    meters:
      meter === api.createNoopMeter()
        ? undefined
        : {
            eventsApplied: meter.createCounter(projectionMetrics.eventsApplied, { unit: '{event}', description: 'Events applied to a read model and committed' }),
            lag: meter.createHistogram(projectionMetrics.lag, {
              unit: 'ms',
              description: "Age of each committed batch's newest event when the batch was committed: how far behind history the read model was",
              advice: { explicitBucketBoundaries: lagBuckets },
            }),
            errors: meter.createCounter(projectionMetrics.errors, { unit: '{error}', description: 'Projections stopped, by the kind of error' }),
          },
  };
};

/** The instruments of the providers in force: rebuilt only when a provider was registered or removed since the last batch. */
const instrumentsInForce = (options: ProjectionTelemetryOptions): ((api: OpenTelemetryApi) => Instruments) => {
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
 * A span per batch (`ssp.projection.batch <projection>`) and the projection metrics (see
 * docs/observability.md). The lag is measured against `clock`, the time now as ISO 8601 UTC, and
 * the batch's newest `occurredAt`, which the writer's clock gave: a writer ahead of this clock
 * reads as no lag, never as a negative one.
 */
export const createProjectionTelemetry = (options: ProjectionTelemetryOptions, clock: () => string): ProjectionTelemetry => {
  const apiOf = options.api ?? installedApi;
  const instruments = instrumentsInForce(options);
  void apiOf();

  const current = async (): Promise<Readonly<{ api: OpenTelemetryApi; instruments: Instruments }> | undefined> => {
    const found = apiOf();
    const api = found instanceof Promise ? await found : found;
    return api === undefined ? undefined : { api, instruments: instruments(api) };
  };

  const batch: ProjectionTelemetry['batch'] = async (projection, phase, apply) => {
    const found = await current();
    if (found === undefined) return apply(notRecording);
    const { api, instruments: { tracer, meters } } = found;
    const span = tracer.startSpan(batchSpanName(projection));
    const tracing = span.isRecording();
    if (!tracing && meters === undefined) {
      span.end();
      return apply(notRecording);
    }
    const recording: BatchRecording = {
      committed: (checkpoint, applied, newestOccurredAt) => {
        if (tracing) span.setAttributes({ [attr.eventCount]: applied, [attr.checkpoint]: serialisePosition(checkpoint) });
        if (meters === undefined) return;
        const attributes = { [attr.name]: projection, [attr.phase]: phase };
        meters.eventsApplied.add(applied, attributes);
        meters.lag.record(Math.max(0, Date.parse(clock()) - Date.parse(newestOccurredAt)), attributes);
      },
    };
    if (tracing) span.setAttributes({ [attr.name]: projection, [attr.phase]: phase, [attr.eventCount]: 0 });
    try {
      const result = tracing ? await api.context.with(api.trace.setSpan(api.context.active(), span), () => apply(recording)) : await apply(recording);
      if (tracing && E.isLeft(result)) {
        span.setAttribute(attr.errorKind, result.left.kind);
        span.setStatus({ code: spanError, message: result.left.kind });
      }
      return result;
    } catch (error) {
      if (tracing) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: spanError });
      }
      throw error;
    } finally {
      span.end();
    }
  };

  const failed: ProjectionTelemetry['failed'] = async (projection, error) => {
    const found = await current();
    found?.instruments.meters?.errors.add(1, { [attr.name]: projection, [attr.errorKind]: error.kind });
  };

  return { batch, failed };
};
