import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, type handleUnaryCall } from '@grpc/grpc-js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { PersistentSubscriptionsService } from '@eventstore/db-client/generated/persistent_grpc_pb';
import { appendHandler } from './append-handler';
import { batchAppendHandler } from './batch-append-handler';
import { createEventLog, type EventLog } from './event-log';
import { linkResolvingRead } from './linked-read';
import { PERSISTENT_SUBSCRIPTION_METHODS, persistentSubscriptionsHandlers } from './persistent-subscriptions';
import { readHandler } from './read-handler';
import { createSubscriptionRegistry } from './subscriptions';

export type GrpcTestServerOptions = Readonly<{
  /** Bytes of event data, metadata and type one append may carry. EventStoreDB's default is 1 MiB. */
  maxAppendSize: number;
  /**
   * `batchAppend`: answer ServerFeatures and serve BatchAppend, as EventStoreDB 21.10 and later
   * do, so clients append through BatchAppend. `none`: both UNIMPLEMENTED, as on 20.x, so
   * clients fall back to Append.
   */
  features: 'batchAppend' | 'none';
}>;

export type RunningGrpcTestServer = Readonly<{
  port: number;
  dropSubscriptions: () => number;
  stop: () => Promise<void>;
}>;

/**
 * Serves Streams.Read, Streams.Append, persistent subscriptions to `$all` and, with the
 * `batchAppend` features, ServerFeatures and Streams.BatchAppend, on 127.0.0.1 without TLS.
 * Clients only use persistent subscriptions to `$all` when ServerFeatures lists them, as 21.10
 * and later do, so with `none` they refuse to. Everything else (Gossip, Delete, projections,
 * users…) is answered UNIMPLEMENTED by grpc-js; with a single-node `?tls=false` connection
 * string the clients never ask for gossip.
 */
export const startGrpcServer = (options: GrpcTestServerOptions): Promise<RunningGrpcTestServer> => {
  const log = createEventLog();
  seedSystemEvents(log);
  const subscriptions = createSubscriptionRegistry(log);
  const server = new Server();
  const streams = {
    read: linkResolvingRead(log, readHandler(log, subscriptions)),
    append: appendHandler(log, options.maxAppendSize),
  };
  if (options.features === 'batchAppend') {
    server.addService(StreamsService, { ...streams, batchAppend: batchAppendHandler(log, options.maxAppendSize) });
    server.addService(ServerFeaturesService, {
      getSupportedMethods: answerSupportedMethods,
    });
  } else {
    server.addService(StreamsService, streams);
  }
  server.addService(PersistentSubscriptionsService, persistentSubscriptionsHandlers(log));
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

const answerSupportedMethods: handleUnaryCall<Empty, SupportedMethods> = (_call, respond) => respond(null, supportedMethods());

const supportedMethods = (): SupportedMethods =>
  new SupportedMethods()
    .setEventStoreServerVersion('23.10.0-test-server')
    .setMethodsList([
      ...['Read', 'Append', 'BatchAppend'].map((methodName) =>
        new SupportedMethod().setServiceName('event_store.client.streams.Streams').setMethodName(methodName),
      ),
      // Clients call a persistent subscription method on $all only when it lists the feature `all`.
      ...PERSISTENT_SUBSCRIPTION_METHODS.map((methodName) =>
        new SupportedMethod()
          .setServiceName('event_store.client.persistent_subscriptions.PersistentSubscriptions')
          .setMethodName(methodName)
          .setFeaturesList(['all']),
      ),
    ]);

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
