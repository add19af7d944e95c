import * as E from 'fp-ts/Either';
import { addressOf, type Notice, type Recipient } from '../notices/notice';
import type { NotificationSender, SendError } from './port';

/**
 * An in-memory sender: each recipient's messages, in the order delivered, for tests and for
 * an example app's inbox page. It honours idempotency keys as a real sender must.
 */
export interface Inbox extends NotificationSender {
  /** Every delivery, in order: a notice appears once however often it was sent. */
  delivered(): readonly Notice[];
  /** The messages delivered to one recipient (a number, or an administrator), oldest first. */
  messagesTo(recipient: Recipient | string): readonly Notice[];
  /** How many times `send` was called, repeats included. */
  attempts(): number;
  /** The next `times` sends fail with `error` and deliver nothing. */
  failNext(error: SendError, times?: number): void;
}

export const createInbox = (): Inbox => {
  const deliveries: Notice[] = [];
  const acceptedKeys = new Set<string>();
  const failures: SendError[] = [];
  let attempts = 0;

  return {
    send: (notice, idempotencyKey) => async () => {
      attempts += 1;
      const failure = failures.shift();
      if (failure !== undefined) return E.left(failure);
      if (acceptedKeys.has(idempotencyKey)) return E.right(undefined);
      acceptedKeys.add(idempotencyKey);
      deliveries.push(notice);
      return E.right(undefined);
    },
    delivered: () => [...deliveries],
    messagesTo: (recipient) => {
      const address = typeof recipient === 'string' ? recipient : addressOf(recipient);
      return deliveries.filter((notice) => addressOf(notice.recipient) === address);
    },
    attempts: () => attempts,
    failNext: (error, times = 1) => {
      for (let i = 0; i < times; i += 1) failures.push(error);
    },
  };
};
