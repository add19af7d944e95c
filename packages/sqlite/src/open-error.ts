import type { StoreError } from '@ssp/eventstore';

/**
 * Why a store file could not be opened: the errors every store operation may return, plus the
 * refusals that only opening can produce.
 */
export type OpenError =
  | StoreError
  | Readonly<{
      kind: 'SchemaTooNew';
      path: string;
      /** Schema version found in the file. */
      found: number;
      /** Newest schema version this build understands. */
      supported: number;
    }>
  | Readonly<{
      kind: 'SchemaTooOld';
      path: string;
      /** Schema version found in the file. */
      found: number;
      /** Oldest schema version this build reads without migrating (read-only opens only). */
      oldestReadable: number;
    }>
  | Readonly<{ kind: 'NotAStoreFile'; path: string; applicationId: number }>
  /** A read-only open found nothing at the path: it never creates a file. */
  | Readonly<{ kind: 'NoSuchStore'; path: string }>;

export const describeOpenError = (error: OpenError): string => {
  switch (error.kind) {
    case 'SchemaTooNew':
      return `${error.path} was written by schema version ${error.found}, this build understands up to ${error.supported}: refusing to open it (upgrade the software instead)`;
    case 'SchemaTooOld':
      return error.found === 0
        ? `${error.path} holds no store yet (schema version 0): there is nothing to read in it`
        : `${error.path} was written by schema version ${error.found}, this build reads from version ${error.oldestReadable} without migrating: a read-write open (the application's, or ssp run) migrates it, or read it with an older build`;
    case 'NoSuchStore':
      return `there is no store at ${error.path}: a read-only open never creates one (check the path)`;
    case 'NotAStoreFile':
      return `${error.path} is not an SSP store (application id ${error.applicationId}): refusing to open it`;
    case 'WrongExpectedRevision':
      return `wrong expected revision on ${error.streamName}`;
    case 'AppendTooLarge':
    case 'Unavailable':
    case 'Failure':
      return error.message;
  }
};
