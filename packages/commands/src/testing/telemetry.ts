import { context, metrics, trace, type Attributes } from '@opentelemetry/api';
import { DataPointType, MeterProvider, MetricReader, type MetricData } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** A metric reader that collects when the test asks, and never on its own. */
class ManualReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

export type CountPoint = Readonly<{ attributes: Attributes; value: number }>;
export type HistogramPoint = Readonly<{ attributes: Attributes; count: number; sum: number | undefined }>;

/** The metrics recorded so far, by name. A name never recorded answers no points. */
export type CollectedMetrics = Readonly<{
  names: readonly string[];
  counts: (name: string) => readonly CountPoint[];
  histogram: (name: string) => readonly HistogramPoint[];
}>;

export type RecordedTelemetry = Readonly<{
  tracerProvider: BasicTracerProvider;
  meterProvider: MeterProvider;
  spans: () => readonly ReadableSpan[];
  collect: () => Promise<CollectedMetrics>;
  /** Shuts the providers down and, if they were registered, unregisters them. */
  close: () => Promise<void>;
}>;

const collected = (all: readonly MetricData[]): CollectedMetrics => ({
  names: all.map((metric) => metric.descriptor.name),
  counts: (name) =>
    all.flatMap((metric) =>
      metric.descriptor.name === name && metric.dataPointType === DataPointType.SUM
        ? metric.dataPoints.map((point) => ({ attributes: point.attributes, value: point.value }))
        : [],
    ),
  histogram: (name) =>
    all.flatMap((metric) =>
      metric.descriptor.name === name && metric.dataPointType === DataPointType.HISTOGRAM
        ? metric.dataPoints.map((point) => ({ attributes: point.attributes, count: point.value.count, sum: point.value.sum }))
        : [],
    ),
});

/**
 * An OpenTelemetry SDK that keeps what it records in memory. By default it is registered as the
 * API's global providers, as an app's SDK would be; `{ global: false }` leaves the globals alone,
 * for a test that hands the providers to the code itself. Call `close` after each test, so the
 * next one starts with nothing registered. Imported by path, not through `testing/index.ts`,
 * so that only the specs that use the SDK load it; the read side's tests have the same helper.
 */
export const recordTelemetry = (options: Readonly<{ global?: boolean }> = {}): RecordedTelemetry => {
  const spans = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  const reader = new ManualReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const global = options.global ?? true;
  if (global) {
    trace.setGlobalTracerProvider(tracerProvider);
    metrics.setGlobalMeterProvider(meterProvider);
  }
  return {
    tracerProvider,
    meterProvider,
    spans: () => spans.getFinishedSpans(),
    collect: async () => {
      const { resourceMetrics } = await reader.collect();
      return collected(resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics));
    },
    close: async () => {
      if (global) {
        trace.disable();
        metrics.disable();
        context.disable();
      }
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
};
