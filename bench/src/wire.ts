import type { Seed, SeedEvent } from './seed';
import type { Task, TaskOutcome } from './tasks';
import type { CommandRunResult } from './w1';
import type { History, ReplayResult } from './w3';

/**
 * What crosses between the parent and a child (the task, the seed files, the report): JSON,
 * narrowed back to its type by guards on the fields the other side reads.
 */
type Fields = Readonly<Record<string, unknown>>;
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isString = (value: unknown): value is string => typeof value === 'string';
const isStrings = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every(isString);
const isNumbers = (value: unknown): value is readonly number[] => Array.isArray(value) && value.every(isNumber);
const isListOf = <T>(value: unknown, guard: (item: unknown) => item is T): value is readonly T[] => Array.isArray(value) && value.every(guard);

/** `JSON.parse`'s `any`, as the `unknown` it is. */
export const parseJson = (text: string): unknown => JSON.parse(text);

const isJsonObject = (value: unknown): value is SeedEvent['data'] => isFields(value);

const isSeedEvent = (value: unknown): value is SeedEvent =>
  isFields(value) && isString(value.streamName) && isString(value.eventId) && isString(value.type) && isJsonObject(value.data) && isJsonObject(value.metadata);

export const isSeed = (value: unknown): value is Seed =>
  isFields(value) && isString(value.label) && isNumber(value.userCount) && isListOf(value.events, isSeedEvent);

export const isHistory = (value: unknown): value is History =>
  isFields(value) && isString(value.label) && isNumber(value.userCount) && isNumber(value.rounds) && isListOf(value.events, isSeedEvent);

export const isTask = (value: unknown): value is Task => {
  if (!isFields(value) || !isString(value.system)) return false;
  switch (value.kind) {
    case 'w1':
      return isNumber(value.rounds) && isNumbers(value.concurrencies) && isNumber(value.budgetMs) && isNumber(value.concurrentBudgetMs);
    case 'w2':
      return isNumber(value.history) && isNumber(value.commands) && isNumber(value.budgetMs);
    case 'w3':
      return true;
    default:
      return false;
  }
};

const isCommandRunResult = (value: unknown): value is CommandRunResult =>
  isFields(value) &&
  isString(value.system) &&
  isNumber(value.concurrency) &&
  isNumber(value.commands) &&
  isNumber(value.commandsPerSecond) &&
  isNumber(value.units) &&
  isStrings(value.problems) &&
  isStrings(value.notes);

const isReplayResult = (value: unknown): value is ReplayResult =>
  isFields(value) && isString(value.system) && isNumber(value.events) && isNumber(value.eventsPerSecond) && isStrings(value.problems);

/** A child's answer: what it measured, and the peak resident set of its process. */
export type ChildReport = Readonly<{ outcome: TaskOutcome; maxRssKb: number }>;

const isOutcome = (value: unknown): value is TaskOutcome =>
  isFields(value) &&
  ((value.kind === 'w3' && isListOf(value.results, isReplayResult)) ||
    ((value.kind === 'w1' || value.kind === 'w2') && isListOf(value.results, isCommandRunResult)));

export const isChildReport = (value: unknown): value is ChildReport => isFields(value) && isNumber(value.maxRssKb) && isOutcome(value.outcome);
