import * as E from 'fp-ts/Either';
import type Database from 'better-sqlite3';
import { storeErrorFrom } from '../errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, OLDEST_READABLE_SCHEMA_VERSION, SSP_APPLICATION_ID } from './migrations';
import type { OpenError } from '../open-error';

export type MigrationOutcome = Readonly<{ from: number; to: number }>;

type HeaderState = Readonly<{ version: number; applicationId: number; hasTables: boolean }>;

const readHeader = (connection: Database.Database): HeaderState => ({
  version: Number(connection.pragma('user_version', { simple: true })),
  applicationId: Number(connection.pragma('application_id', { simple: true })),
  hasTables:
    connection.prepare<[], { count: number }>(`SELECT count(*) AS count FROM sqlite_schema WHERE type = 'table'`).get()
      ?.count !== 0,
});

/**
 * Refuses files this build must not touch: one written by a newer schema, or one that is
 * some other application's database (foreign application id, or tables but no version).
 */
export const checkHeader = (header: HeaderState, path: string): E.Either<OpenError, HeaderState> => {
  if (header.version > LATEST_SCHEMA_VERSION) {
    return E.left({ kind: 'SchemaTooNew', path, found: header.version, supported: LATEST_SCHEMA_VERSION });
  }
  const foreignId = header.applicationId !== 0 && header.applicationId !== SSP_APPLICATION_ID;
  const unversionedButUsed = header.version === 0 && header.hasTables;
  return foreignId || unversionedButUsed
    ? E.left({ kind: 'NotAStoreFile', path, applicationId: header.applicationId })
    : E.right(header);
};

/** Reads the header without writing, so that a refused file is left exactly as it was found. */
export const inspectSchema = (connection: Database.Database, path: string): E.Either<OpenError, HeaderState> => {
  try {
    return checkHeader(readHeader(connection), path);
  } catch (error) {
    return E.left(storeErrorFrom(error, `reading the schema version of ${path}`));
  }
};

/**
 * What a read-only open accepts: a file `inspectSchema` accepts, at a version the readers
 * understand as it is, since nothing may migrate it. An empty file (version 0) holds no store.
 */
export const inspectReadableSchema = (connection: Database.Database, path: string): E.Either<OpenError, HeaderState> =>
  E.chain((header: HeaderState): E.Either<OpenError, HeaderState> =>
    header.version < OLDEST_READABLE_SCHEMA_VERSION
      ? E.left({ kind: 'SchemaTooOld', path, found: header.version, oldestReadable: OLDEST_READABLE_SCHEMA_VERSION })
      : E.right(header),
  )(inspectSchema(connection, path));

/**
 * Brings the file up to `targetVersion` (the latest unless a test asks for an earlier step).
 * Everything happens in one IMMEDIATE transaction, and the version is re-read inside it, so
 * two processes opening a new file at once cannot both run the same step: the second waits
 * for the write lock, then finds nothing left to do.
 */
export const migrateSchema = (
  connection: Database.Database,
  path: string,
  targetVersion: number = LATEST_SCHEMA_VERSION,
): E.Either<OpenError, MigrationOutcome> => {
  const migrate = connection.transaction((): E.Either<OpenError, MigrationOutcome> => {
    const checked = checkHeader(readHeader(connection), path);
    if (E.isLeft(checked)) return checked;
    const from = checked.right.version;
    for (const step of MIGRATIONS) {
      if (step.version > from && step.version <= targetVersion) connection.exec(step.sql);
    }
    const to = Math.max(from, targetVersion);
    // Header pragmas are part of the transaction: the steps and the new version commit together.
    connection.pragma(`application_id = ${SSP_APPLICATION_ID}`);
    connection.pragma(`user_version = ${to}`);
    return E.right({ from, to });
  });
  try {
    return migrate.immediate();
  } catch (error) {
    return E.left(storeErrorFrom(error, `migrating the schema of ${path}`));
  }
};
