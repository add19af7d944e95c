/**
 * A notification worker process: one more competing consumer of the notifications group on the
 * shared store, sending through the deliveries file every reactor of a run shares (see
 * shared-deliveries.ts). Killing one at any moment loses nothing: what it held unacknowledged
 * goes to another worker after the group's message timeout. The protocol is in protocol.ts.
 *
 *   node --import tsx reactor-process.ts <store> <group> <deliveries-file> [crash-after-sends=N]
 *
 * With `crash-after-sends=N` it kills itself (SIGKILL) right after its N-th send has reached
 * the deliveries file: after sending and before the outbox records it sent or the group hears
 * of it, the one moment where exactly-once rests on the sender honouring the idempotency key.
 */
import * as E from 'fp-ts/Either';
import { runNotificationWorker, type NotificationSender } from '@ssp/notifications';
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

const CRASH_AFTER = /^crash-after-sends=(\d+)$/;

/** The sender, made to kill this process right after its `crashAfter`-th send, when asked to. */
const crashingAfter = (sender: NotificationSender, crashAfter: number | undefined): NotificationSender => {
  if (crashAfter === undefined) return sender;
  let sends = 0;
  return {
    send: (notice, idempotencyKey) => async () => {
      const sent = await sender.send(notice, idempotencyKey)();
      if (E.isRight(sent) && (sends += 1) >= crashAfter) process.kill(process.pid, 'SIGKILL');
      return sent;
    },
  };
};

const react = (argument: string | undefined, group: string | undefined, deliveriesPath: string | undefined, crash: string | undefined): void => {
  const location = argument === undefined ? undefined : parseStoreArgument(argument);
  const crashAfter = crash === undefined ? undefined : CRASH_AFTER.exec(crash)?.[1];
  if (location === undefined || group === undefined || deliveriesPath === undefined || (crash !== undefined && crashAfter === undefined)) {
    return fail('usage: reactor-process <sqlite:path | esdb://…> <group> <deliveries-file> [crash-after-sends=N]');
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
    sender: crashingAfter(deliveries.right, crashAfter === undefined ? undefined : Number(crashAfter)),
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

react(process.argv[2], process.argv[3], process.argv[4], process.argv[5]);
