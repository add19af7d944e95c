/**
 * Messages between the test process and the worker thread that runs the gRPC test server.
 * The server lives in a worker because the generated protobuf code registers its classes on
 * the global object: the `@eventstore/db-client` and `@kurrent/kurrentdb-client` copies of
 * `event_store.client.*` would overwrite each other in one realm.
 */

export type WorkerSettings = Readonly<{ maxAppendSize: number; features: 'batchAppend' | 'none' }>;

export type ToWorker =
  | Readonly<{ kind: 'dropSubscriptions'; requestId: number }>
  | Readonly<{ kind: 'setStalled'; requestId: number; stalled: boolean }>
  | Readonly<{ kind: 'stop' }>;

export type FromWorker =
  | Readonly<{ kind: 'listening'; port: number }>
  | Readonly<{ kind: 'failed'; message: string }>
  | Readonly<{ kind: 'subscriptionsDropped'; requestId: number; count: number }>
  | Readonly<{ kind: 'stalledSet'; requestId: number }>
  | Readonly<{ kind: 'stopped' }>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const parseFromWorker = (value: unknown): FromWorker | undefined => {
  if (!isRecord(value)) return undefined;
  switch (value.kind) {
    case 'listening':
      return typeof value.port === 'number' ? { kind: 'listening', port: value.port } : undefined;
    case 'failed':
      return typeof value.message === 'string' ? { kind: 'failed', message: value.message } : undefined;
    case 'subscriptionsDropped':
      return typeof value.requestId === 'number' && typeof value.count === 'number'
        ? { kind: 'subscriptionsDropped', requestId: value.requestId, count: value.count }
        : undefined;
    case 'stalledSet':
      return typeof value.requestId === 'number' ? { kind: 'stalledSet', requestId: value.requestId } : undefined;
    case 'stopped':
      return { kind: 'stopped' };
    default:
      return undefined;
  }
};

export const parseToWorker = (value: unknown): ToWorker | undefined => {
  if (!isRecord(value)) return undefined;
  switch (value.kind) {
    case 'dropSubscriptions':
      return typeof value.requestId === 'number' ? { kind: 'dropSubscriptions', requestId: value.requestId } : undefined;
    case 'setStalled':
      return typeof value.requestId === 'number' && typeof value.stalled === 'boolean'
        ? { kind: 'setStalled', requestId: value.requestId, stalled: value.stalled }
        : undefined;
    case 'stop':
      return { kind: 'stop' };
    default:
      return undefined;
  }
};

export const parseWorkerSettings = (value: unknown): WorkerSettings | undefined =>
  isRecord(value) && typeof value.maxAppendSize === 'number' && (value.features === 'batchAppend' || value.features === 'none')
    ? { maxAppendSize: value.maxAppendSize, features: value.features }
    : undefined;
