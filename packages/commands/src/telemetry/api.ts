import type { ContextAPI, Meter, MetricsAPI, TraceAPI } from '@opentelemetry/api';

/**
 * The parts of `@opentelemetry/api` the handler uses. Picked, rather than the module's own type:
 * the package ships one set of typings for `require` and another for `import`, and their classes
 * (with private members) do not match each other, so an ES module app could not pass the module
 * it imported.
 */
export type OpenTelemetryApi = Readonly<{
  trace: Pick<TraceAPI, 'getTracerProvider' | 'setSpan'>;
  metrics: Pick<MetricsAPI, 'getMeterProvider'>;
  context: Pick<ContextAPI, 'active' | 'with'>;
  createNoopMeter: () => Meter;
}>;

/**
 * Where the API comes from: `undefined` when it is not installed. A promise while an ES module
 * build is still importing it: the first commands wait for it once rather than go unrecorded.
 */
export type ApiSource = () => OpenTelemetryApi | undefined | Promise<OpenTelemetryApi | undefined>;

export type ApiLoaders = Readonly<{
  /** Under CommonJS (Node, Jest, tsx): at once. Absent in an ES module build, which has no `require`. */
  require?: () => OpenTelemetryApi;
  /** Otherwise a dynamic import. */
  import: () => Promise<OpenTelemetryApi>;
}>;

/**
 * Loads the optional peer once, on first use, and never fails: a missing module (or one that
 * throws while loading) means no telemetry, not a broken handler. The seam tests use to take
 * the API away without uninstalling it.
 */
export const optionalApi = (loaders: ApiLoaders): ApiSource => {
  let loaded: Readonly<{ api: OpenTelemetryApi | undefined }> | undefined;
  let importing: Promise<OpenTelemetryApi | undefined> | undefined;
  return () => {
    if (loaded !== undefined) return loaded.api;
    if (loaders.require !== undefined) {
      try {
        loaded = { api: loaders.require() };
      } catch {
        loaded = { api: undefined };
      }
      return loaded.api;
    }
    importing ??= loaders.import().then(
      (api) => (loaded = { api }).api,
      () => (loaded = { api: undefined }).api,
    );
    return importing;
  };
};

/**
 * The `@opentelemetry/api` installed next to this package. Resolved from here, not from a
 * shared module, because a peer is found relative to the package that declares it; the read
 * side (`@ssp/projections`, telemetry/api.ts) has the same loader for the same reason: keep the
 * two alike.
 */
export const installedApi: ApiSource = optionalApi({
  require: typeof require === 'function' ? () => require('@opentelemetry/api') : undefined,
  import: () => import('@opentelemetry/api'),
});
