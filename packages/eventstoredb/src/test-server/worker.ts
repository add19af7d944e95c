import { parentPort, workerData } from 'node:worker_threads';
import { startGrpcServer } from './grpc-server';
import { parseToWorker, parseWorkerSettings, type FromWorker } from './worker-protocol';

/** Entry point of the worker thread: starts the gRPC test server and obeys the test process. */
const port = parentPort;
const settings = parseWorkerSettings(workerData);

const send = (message: FromWorker): void => port?.postMessage(message);

if (port !== null && settings !== undefined) {
  startGrpcServer(settings).then(
    (server) => {
      port.on('message', (value: unknown) => {
        const message = parseToWorker(value);
        if (message?.kind === 'dropSubscriptions') {
          send({ kind: 'subscriptionsDropped', requestId: message.requestId, count: server.dropSubscriptions() });
        } else if (message?.kind === 'stop') {
          void server.stop().then(() => {
            send({ kind: 'stopped' });
            port.close();
          });
        }
      });
      send({ kind: 'listening', port: server.port });
    },
    (error: unknown) => send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
} else {
  send({ kind: 'failed', message: 'the test server worker was started without its settings' });
}
