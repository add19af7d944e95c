/**
 * A command-handler process: opens the store its argument names and runs every command it is
 * sent over IPC through `createCommandHandler`, answering each with the handler's result. Many
 * of these on one store are many instances of one service behind a load balancer: they share
 * nothing but the store. The protocol is in protocol.ts.
 *
 *   node --import tsx handler-process.ts <store>
 */
import * as E from 'fp-ts/Either';
import { createCommandHandler } from '@ssp/commands';
import { openStore } from './open-store';
import { isHandlerRequest, parseStoreArgument, type HandlerReply } from './protocol';

const reply = (message: HandlerReply): void => {
  process.send?.(message);
};

const fail = (message: string): void => {
  reply({ kind: 'failed', message });
  process.stderr.write(`handler process: ${message}\n`);
  process.exitCode = 1;
  process.disconnect?.();
};

const serve = (argument: string | undefined): void => {
  const location = argument === undefined ? undefined : parseStoreArgument(argument);
  if (location === undefined) return fail(`usage: handler-process <sqlite:path | esdb://…>, got ${String(argument)}`);
  const opened = openStore(location);
  if (E.isLeft(opened)) return fail(opened.left);
  const { store, close } = opened.right;
  // Four processes and the test share two cores: a conflict's retries get more time than the
  // default budget, so that a slow machine answers late rather than CONCURRENCY_CONFLICT.
  const handle = createCommandHandler({ store, retry: { budgetMs: 20_000 } });

  // Stopped, or orphaned by a parent that died: with the store closed nothing keeps it alive.
  process.once('disconnect', () => void close());
  process.on('message', (message: unknown) => {
    if (!isHandlerRequest(message)) return;
    if (message.kind === 'stop') {
      process.disconnect();
      return;
    }
    void handle(message.command).then((result) => {
      if (process.connected) reply({ kind: 'result', requestId: message.requestId, result });
    });
  });
  reply({ kind: 'ready', pid: process.pid });
};

serve(process.argv[2]);
