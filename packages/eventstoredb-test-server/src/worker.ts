import { parentPort, workerData } from 'node:worker_threads';
import { startGrpcServer, type RunningGrpcTestServer } from './grpc-server';
import { startStallProxy, type StallProxy } from './stall-proxy';
import { parseToWorker, parseWorkerSettings, type FromWorker, type WorkerSettings } from './worker-protocol';

/**
 * Entry point of the worker thread: starts the gRPC test server behind its stall proxy (which
 * clients connect to) and obeys the test process.
 */
const port = parentPort;
const settings = parseWorkerSettings(workerData);

const send = (message: FromWorker): void => port?.postMessage(message);

const start = async (given: WorkerSettings): Promise<Readonly<{ server: RunningGrpcTestServer; proxy: StallProxy }>> => {
  const server = await startGrpcServer(given);
  const proxy = await startStallProxy(server.port).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  return { server, proxy };
};

if (port !== null && settings !== undefined) {
  start(settings).then(
    ({ server, proxy }) => {
      port.on('message', (value: unknown) => {
        const message = parseToWorker(value);
        if (message?.kind === 'dropSubscriptions') {
          send({ kind: 'subscriptionsDropped', requestId: message.requestId, count: server.dropSubscriptions() });
        } else if (message?.kind === 'setStalled') {
          if (message.stalled) proxy.stall();
          else proxy.resume();
          send({ kind: 'stalledSet', requestId: message.requestId });
        } else if (message?.kind === 'stop') {
          void Promise.all([proxy.stop(), server.stop()]).then(() => {
            send({ kind: 'stopped' });
            port.close();
          });
        }
      });
      send({ kind: 'listening', port: proxy.port });
    },
    (error: unknown) => send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
} else {
  send({ kind: 'failed', message: 'the test server worker was started without its settings' });
}
