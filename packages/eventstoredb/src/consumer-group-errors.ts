import type { StoreError } from '@ssp/eventstore';
import { storeErrorOf } from './client-errors';

/**
 * The errors of persistent subscription calls, read structurally as in client-errors.ts: the
 * clients type a missing group `persistent-subscription-does-not-exist`, and an existing one
 * `persistent-subscription-exists` (which `create` answers as `exists`, not as an error).
 */

const typeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'type' in error ? Reflect.get(error, 'type') : undefined;

export const isGroupExists = (error: unknown): boolean => typeOf(error) === 'persistent-subscription-exists';

export const groupErrorOf = (group: string, error: unknown): StoreError =>
  typeOf(error) === 'persistent-subscription-does-not-exist'
    ? { kind: 'Failure', message: `the consumer group ${JSON.stringify(group)} does not exist` }
    : storeErrorOf(error);
