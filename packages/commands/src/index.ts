export { createCommandHandler, type CommandHandler, type CommandHandlerOptions } from './handler';
export { defaultRetryPolicy, type RetryPolicy, type RetryTimer } from './retry';
export type { AppendedEvent, CommandError, CommandErrorCode, CommandResult } from './result';
export { hashEvent } from './hash-chain';
export { readDomainEvent, schemaVersionIn, type UndecodableEvent } from './stored-event';
export { streams } from './streams';
export { toJsonObject } from './json';
