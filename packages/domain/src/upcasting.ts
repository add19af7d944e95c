import { addSeconds } from './shared/time';
import { isRecord } from './shared/decode';

/**
 * Schema evolution. Events are stored with the schema version of their type at the time of
 * writing, and are never rewritten; an upcaster turns an old shape into the current one when
 * history is read, so that deciders and projections only ever see current shapes.
 */
export const currentSchemaVersions: Readonly<Record<string, number>> = {
  // v2 added `expiresAt`, so that a session's length follows the policy it started under.
  PortalSessionStarted: 2,
};

export const schemaVersionOf = (type: string): number => currentSchemaVersions[type] ?? 1;

type Upcaster = (data: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>;

/** v1 → v2: sessions of schema 1 always lasted the 15 minutes that was then fixed. */
const v1SessionLength = 15 * 60;

const upcasters: Readonly<Record<string, Readonly<Record<number, Upcaster>>>> = {
  PortalSessionStarted: {
    1: (data) =>
      typeof data.startedAt === 'string' && data.expiresAt === undefined
        ? { ...data, expiresAt: addSeconds(data.startedAt, v1SessionLength) }
        : data,
  },
};

/** Applies each upcaster from the stored version up to the current one. */
export const upcast = (type: string, data: unknown, storedVersion: number): unknown => {
  if (!isRecord(data)) return data;
  const chain = upcasters[type] ?? {};
  let current: Readonly<Record<string, unknown>> = data;
  for (let version = storedVersion; version < schemaVersionOf(type); version += 1) {
    const step = chain[version];
    if (step !== undefined) current = step(current);
  }
  return current;
};
