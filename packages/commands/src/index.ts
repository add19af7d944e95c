export { createCommandHandler, type CommandHandler, type CommandHandlerOptions } from './handler';
export { defaultRetryPolicy, type RetryPolicy, type RetryTimer } from './retry';
export type { Hooks as CommandHandlerHooks } from './attempt';
export type { AppendedEvent, CommandError, CommandErrorCode, CommandResult } from './result';
export type { CommandTelemetryOptions } from './telemetry/command-telemetry';
export type { ApiSource, OpenTelemetryApi } from './telemetry/api';
