import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseFromWorker, type FromWorker, type ToWorker, type WorkerSettings } from './worker-protocol';

/**
 * A stand-in for a single EventStoreDB node, good enough to run the adapter through the real
 * clients over real gRPC when no server can be installed. It speaks the protocol of the
 * client packages' own generated service definitions; see docs/operations/eventstoredb.md for
 * what it does not reproduce.
 */
export type EventStoreDbTestServer = Readonly<{
  port: number;
  /** For `@eventstore/db-client`: `esdb://127.0.0.1:<port>?tls=false`. */
  connectionString: string;
  /** For `@kurrent/kurrentdb-client`: `kurrentdb://127.0.0.1:<port>?tls=false`. */
  kurrentConnectionString: string;
  /** Ends every live subscription call with UNAVAILABLE; resolves with how many there were. */
  dropSubscriptions: () => Promise<number>;
  /**
   * Freezes the server as `kill -STOP` would: connections and calls are accepted but nothing
   * is answered, not even HTTP/2 pings, until `resume`. Resolves once the server is frozen.
   */
  stall: () => Promise<void>;
  /** Lets through, in order, everything that waited during the stall, as `kill -CONT` would. */
  resume: () => Promise<void>;
  stop: () => Promise<void>;
}>;

export type EventStoreDbTestServerOptions = Readonly<{
  /** Defaults to 1 MiB, EventStoreDB's default `MaxAppendSize`. */
  maxAppendSize?: number;
  /**
   * Defaults to `batchAppend`: ServerFeatures lists BatchAppend, which clients then use for
   * appends, as against EventStoreDB 21.10 and later. `none` answers both UNIMPLEMENTED, as
   * 20.x did, and clients append through Append.
   */
  features?: 'batchAppend' | 'none';
}>;

const ONE_MEBIBYTE = 1024 * 1024;

/**
 * The worker's script, beside this module. Installed, that is the built `worker.cjs`. In the
 * workspace this module is TypeScript run by Jest or tsx, and so is the worker, through tsx's
 * CommonJS hook, since a worker thread runs outside Jest's transform.
 */
const workerScript = (): Readonly<{ path: string; execArgv: string[] }> =>
  extname(__filename) === '.ts'
    ? { path: join(__dirname, 'worker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] }
    : { path: join(__dirname, 'worker.cjs'), execArgv: [] };

/**
 * Starts the server in a worker thread on a free port. Rejects with an Error when the worker
 * cannot start: this is test tooling, meant for `beforeAll`.
 */
export const startEventStoreDbTestServer = (
  options: EventStoreDbTestServerOptions = {},
): Promise<EventStoreDbTestServer> => {
  const settings: WorkerSettings = { maxAppendSize: options.maxAppendSize ?? ONE_MEBIBYTE, features: options.features ?? 'batchAppend' };
  const script = workerScript();
  const worker = new Worker(script.path, { workerData: settings, execArgv: script.execArgv });
  const waiting = new Set<(message: FromWorker) => void>();
  worker.on('message', (value: unknown) => {
    const message = parseFromWorker(value);
    if (message !== undefined) for (const waiter of [...waiting]) waiter(message);
  });
  const next = <A>(pick: (message: FromWorker) => A | undefined): Promise<A> =>
    new Promise((resolve) => {
      const waiter = (message: FromWorker): void => {
        const picked = pick(message);
        if (picked === undefined) return;
        waiting.delete(waiter);
        resolve(picked);
      };
      waiting.add(waiter);
    });
  const send = (message: ToWorker): void => worker.postMessage(message);
  let requests = 0;
  const nextRequestId = (): number => {
    requests += 1;
    return requests;
  };
  // Once the worker is gone nothing will answer: stop() must not wait for it.
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const setStalled = (stalled: boolean): Promise<void> => {
    const requestId = nextRequestId();
    const done = next((message) => (message.kind === 'stalledSet' && message.requestId === requestId ? true : undefined));
    send({ kind: 'setStalled', requestId, stalled });
    return Promise.race([done.then(() => undefined), exit]);
  };

  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    void exit.then(() => reject(new Error('the EventStoreDB test server worker exited before it listened')));
    void next((message) => (message.kind === 'listening' || message.kind === 'failed' ? message : undefined)).then(
      (started) => {
        if (started.kind === 'failed') {
          reject(new Error(`the EventStoreDB test server did not start: ${started.message}`));
          void worker.terminate();
          return;
        }
        const port = started.port;
        resolve({
          port,
          connectionString: `esdb://127.0.0.1:${port}?tls=false`,
          kurrentConnectionString: `kurrentdb://127.0.0.1:${port}?tls=false`,
          dropSubscriptions: () => {
            const requestId = nextRequestId();
            const dropped = next((message) =>
              message.kind === 'subscriptionsDropped' && message.requestId === requestId ? message.count : undefined,
            );
            send({ kind: 'dropSubscriptions', requestId });
            return Promise.race([dropped, exit.then(() => 0)]);
          },
          stall: () => setStalled(true),
          resume: () => setStalled(false),
          stop: async () => {
            if (exited) return;
            const stopped = next((message) => (message.kind === 'stopped' ? true : undefined));
            send({ kind: 'stop' });
            await Promise.race([stopped, exit]);
            await worker.terminate();
          },
        });
      },
    );
  });
};
