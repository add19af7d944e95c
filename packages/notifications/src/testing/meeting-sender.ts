import type { NotificationSender } from '../sender/port';

/**
 * A sender that holds each call until `parties` calls for the same idempotency key have
 * arrived, then lets them all through to `inner`: the worst interleaving of workers racing on
 * one notice (every one of them past the outbox, none yet recorded), made certain rather than
 * left to timing.
 */
export const meetingSender = (inner: NotificationSender, parties = 2): NotificationSender => {
  const waiting = new Map<string, Array<() => void>>();
  return {
    send: (notice, idempotencyKey) => async () => {
      await new Promise<void>((arrive) => {
        const arrived = [...(waiting.get(idempotencyKey) ?? []), arrive];
        if (arrived.length < parties) {
          waiting.set(idempotencyKey, arrived);
          return;
        }
        waiting.delete(idempotencyKey);
        for (const release of arrived) release();
      });
      return inner.send(notice, idempotencyKey)();
    },
  };
};
