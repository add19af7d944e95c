import type { TaskEither } from 'fp-ts/TaskEither';
import type { Notice } from '../notices/notice';

/**
 * `Transient`: not now (a timeout, a rate limit, the gateway down): try again later.
 * `Rejected`: never as asked (an invalid number, a blocked recipient): retrying cannot help.
 */
export type SendError = Readonly<{ kind: 'Transient' | 'Rejected'; message: string }>;

/**
 * Delivers a notice (an SMS gateway, a voice-call service, the administrators' mail). The
 * outbox guarantees that a notice is sent until its sending is recorded, so the same notice
 * can reach `send` twice; a sender must therefore honour the idempotency key: a key it has
 * already accepted is answered with success and not delivered again.
 */
export interface NotificationSender {
  send(notice: Notice, idempotencyKey: string): TaskEither<SendError, void>;
}
