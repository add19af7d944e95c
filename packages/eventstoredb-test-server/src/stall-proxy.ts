import { createConnection, createServer, type Socket } from 'node:net';

/**
 * A TCP relay in front of the gRPC server that can be frozen, the way `kill -STOP` freezes an
 * EventStoreDB node: connections are still accepted (as the kernel of a stopped process
 * accepts them into its backlog), but no byte is read or written any more, on new or
 * established connections alike. HTTP/2 pings go unanswered too, so the clients' keepalive
 * notices exactly as it would against a stopped process. Stopping the gRPC server's handlers
 * instead would keep the transport alive and test something else.
 *
 * Resuming lets everything through that waited, in order, as `kill -CONT` would.
 */
export type StallProxy = Readonly<{
  port: number;
  stall: () => void;
  resume: () => void;
  stop: () => Promise<void>;
}>;

type Relay = Readonly<{ client: Socket; upstream: Socket }>;

export const startStallProxy = (targetPort: number): Promise<StallProxy> => {
  const relays = new Set<Relay>();
  let stalled = false;

  const flow = ({ client, upstream }: Relay): void => {
    if (stalled) {
      client.pause();
      upstream.pause();
    } else {
      client.resume();
      upstream.resume();
    }
  };

  // Sockets start paused, so that a connection accepted during a stall reads nothing.
  const server = createServer({ pauseOnConnect: true }, (client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    upstream.pause();
    const relay: Relay = { client, upstream };
    relays.add(relay);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    // Writes ignore backpressure: a test relay on the loopback carries little.
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    const close = (): void => {
      relays.delete(relay);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
    flow(relay);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('the stall proxy has no TCP port'));
        return;
      }
      resolve({
        port: address.port,
        stall: () => {
          stalled = true;
          for (const relay of relays) flow(relay);
        },
        resume: () => {
          stalled = false;
          for (const relay of relays) flow(relay);
        },
        stop: () =>
          new Promise<void>((stopped) => {
            for (const { client, upstream } of relays) {
              client.destroy();
              upstream.destroy();
            }
            relays.clear();
            server.close(() => stopped());
          }),
      });
    });
  });
};
