import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler } from './append-handler';
import { createEventLog, type EventLog } from './event-log';
import { readHandler } from './read-handler';
import { createSubscriptionRegistry } from './subscriptions';

export type GrpcTestServerOptions = Readonly<{
  /** Bytes of event data, metadata and type one append may carry. EventStoreDB's default is 1 MiB. */
  maxAppendSize: number;
}>;

export type RunningGrpcTestServer = Readonly<{
  port: number;
  dropSubscriptions: () => number;
  stop: () => Promise<void>;
}>;

/**
 * Serves Streams.Read and Streams.Append on 127.0.0.1, without TLS. Every other service,
 * ServerFeatures and Gossip included, is answered UNIMPLEMENTED by grpc-js: both clients then
 * assume an unknown server version and use Streams.Append rather than BatchAppend, and with a
 * single-node `?tls=false` connection string they never ask for gossip.
 */
export const startGrpcServer = (options: GrpcTestServerOptions): Promise<RunningGrpcTestServer> => {
  const log = createEventLog();
  seedSystemEvents(log);
  const subscriptions = createSubscriptionRegistry(log);
  const server = new Server();
  server.addService(StreamsService, {
    read: readHandler(log, subscriptions),
    append: appendHandler(log, options.maxAppendSize),
  });
  return new Promise((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) => {
      if (error !== null) {
        reject(error);
        return;
      }
      resolve({
        port,
        dropSubscriptions: subscriptions.dropAll,
        stop: () =>
          new Promise<void>((stopped) => {
            server.forceShutdown();
            stopped();
          }),
      });
    });
  });
};

/**
 * A real `$all` starts with the server's own records; a few of them here make sure the
 * adapter skips system streams and `$`-typed events instead of handing them to projections.
 */
const seedSystemEvents = (log: EventLog): void => {
  const json = (value: object): Uint8Array => Uint8Array.from(Buffer.from(JSON.stringify(value), 'utf8'));
  log.append('$epoch-information', { kind: 'any' }, [
    {
      eventId: randomUUID(),
      type: '$epoch-information',
      contentType: 'application/json',
      data: json({ epochNumber: 0, epochId: randomUUID() }),
      customMetadata: new Uint8Array(),
    },
  ]);
  log.append('$scavenges', { kind: 'any' }, [
    {
      eventId: randomUUID(),
      type: '$scavengeStarted',
      contentType: 'application/json',
      data: json({ scavengeId: randomUUID() }),
      customMetadata: new Uint8Array(),
    },
  ]);
};
