/**
 * A notification worker process: one more competing consumer of the notifications group on the
 * shared store, sending through the deliveries file every reactor of a run shares (see
 * shared-deliveries.ts). Killing one at any moment loses nothing: what it held unacknowledged
 * goes to another worker after the group's message timeout. The protocol is in protocol.ts.
 *
 *   node --import tsx reactor-process.ts <store> <group> <deliveries-file>
 */
import * as E from 'fp-ts/Either';
import { runNotificationWorker } from '@ssp/notifications';
import { openStore } from './open-store';
import { isReactorRequest, parseStoreArgument, REACTOR_MAX_RETRY_COUNT, REACTOR_MESSAGE_TIMEOUT_MS, type ReactorReport } from './protocol';
import { openSharedDeliveries } from './shared-deliveries';

const report = (message: ReactorReport): void => {
  if (process.connected) process.send?.(message);
};

const fail = (message: string): void => {
  report({ kind: 'failed', message });
  process.stderr.write(`reactor process: ${message}\n`);
  process.exitCode = 1;
  process.disconnect?.();
};

const react = (argument: string | undefined, group: string | undefined, deliveriesPath: string | undefined): void => {
  const location = argument === undefined ? undefined : parseStoreArgument(argument);
  if (location === undefined || group === undefined || deliveriesPath === undefined) {
    return fail('usage: reactor-process <sqlite:path | esdb://…> <group> <deliveries-file>');
  }
  const deliveries = openSharedDeliveries(deliveriesPath);
  if (E.isLeft(deliveries)) return fail(deliveries.left);
  const opened = openStore(location);
  if (E.isLeft(opened)) {
    deliveries.right.close();
    return fail(opened.left);
  }
  const { store, groups, close } = opened.right;
  const worker = runNotificationWorker({
    store,
    groups,
    group,
    sender: deliveries.right,
    // Used only if this worker creates the group: a run's store starts empty, so from the start.
    startFrom: 'start',
    maxRetryCount: REACTOR_MAX_RETRY_COUNT,
    messageTimeoutMs: REACTOR_MESSAGE_TIMEOUT_MS,
    bufferSize: 4,
    onSettled: (delivery, settlement) =>
      report({
        kind: 'settled',
        eventId: delivery.event.eventId,
        eventType: delivery.event.type,
        action: settlement.action,
        ...(settlement.action === 'ack' ? {} : { reason: settlement.reason }),
      }),
  });

  let closed: Promise<void> | undefined;
  const shutDown = (): Promise<void> =>
    (closed ??= (async () => {
      await worker.close();
      await close();
      deliveries.right.close();
    })());
  // Stopped, or orphaned by a parent that died.
  process.once('disconnect', () => void shutDown());
  process.on('message', (message: unknown) => {
    if (isReactorRequest(message)) void shutDown().then(() => process.disconnect());
  });
  void worker.done.then((ended) => report(E.isLeft(ended) ? { kind: 'stopped', error: `${ended.left.kind}: ${'message' in ended.left ? ended.left.message : ''}` } : { kind: 'stopped' }));
  report({ kind: 'ready', pid: process.pid });
};

react(process.argv[2], process.argv[3], process.argv[4]);
