import type { StoreError } from '@ssp/eventstore';

/**
 * Why a store file could not be opened: the errors every store operation may return, plus the
 * two refusals that only opening can produce.
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
  | Readonly<{ kind: 'NotAStoreFile'; path: string; applicationId: number }>;

export const describeOpenError = (error: OpenError): string => {
  switch (error.kind) {
    case 'SchemaTooNew':
      return `${error.path} was written by schema version ${error.found}, this build understands up to ${error.supported}: refusing to open it (upgrade the software instead)`;
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
