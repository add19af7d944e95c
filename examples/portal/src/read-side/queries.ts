import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import { describeValidationError } from '@ssp/domain';
import type { ReadModelStore, StoreError } from '@ssp/eventstore';
import {
  applicationSettingsProjection,
  mySettingsAndDevicesProjection,
  type ApplicationSettings,
  type ApplicationView,
  type MySettingsAndDevices,
  type Projection,
} from '@ssp/projections';
import { accountDirectoryProjection, type AccountDirectory, type RegisteredUserEntry } from './account-directory';
import { portalSessionsProjection, type PortalSessionView } from './portal-sessions';

export type ApplicationFound = Readonly<{ settings: ApplicationSettings; application: ApplicationView }>;
export type UserFound = Readonly<{ account: AccountDirectory; user: RegisteredUserEntry }>;

/** Everything the pages read: documents of the read models the projection runner keeps current. */
export type PortalQueries = Readonly<{
  /** A user's phones and tokens ("My Settings & Devices"), by user id. */
  devicesOf: (userId: string) => TE.TaskEither<StoreError, MySettingsAndDevices | undefined>;
  /** An account's applications with their self-service state, by account id. */
  applicationSettingsOf: (accountId: string) => TE.TaskEither<StoreError, ApplicationSettings | undefined>;
  /** An account's administrators (with their recorded roles) and users, by account id. */
  accountOf: (accountId: string) => TE.TaskEither<StoreError, AccountDirectory | undefined>;
  /** Every account, ordered by id. */
  accounts: () => TE.TaskEither<StoreError, readonly AccountDirectory[]>;
  /** An application with its account's settings, wherever it is registered. */
  findApplication: (applicationId: string) => TE.TaskEither<StoreError, ApplicationFound | undefined>;
  /** A user with their account, wherever they are registered. */
  findUser: (userId: string) => TE.TaskEither<StoreError, UserFound | undefined>;
  /** A portal session as the domain folds it: whether a step-up is pending or completed. */
  portalSession: (sessionId: string) => TE.TaskEither<StoreError, PortalSessionView | undefined>;
}>;

const corrupt = (projection: string, id: string, errors: t.Errors): StoreError => ({
  kind: 'Failure',
  message: `the ${projection} document ${id} does not decode: ${errors.map((error) => describeValidationError(error)).join('; ')}`,
});

const documentOf =
  <Doc extends object>(readModels: ReadModelStore, projection: Projection<Doc>) =>
  (id: string): TE.TaskEither<StoreError, Doc | undefined> =>
    pipe(
      readModels.get(projection.name, id),
      TE.chainEitherK((stored) =>
        stored === undefined ? E.right(undefined) : pipe(projection.document.decode(stored), E.mapLeft((errors) => corrupt(projection.name, id, errors))),
      ),
    );

const documentsOf =
  <Doc extends object>(readModels: ReadModelStore, projection: Projection<Doc>) =>
  (): TE.TaskEither<StoreError, readonly Doc[]> =>
    pipe(
      readModels.list(projection.name),
      TE.chainEitherK((stored) =>
        E.traverseArray(([id, document]: readonly [string, unknown]) =>
          pipe(projection.document.decode(document), E.mapLeft((errors) => corrupt(projection.name, id, errors))),
        )(stored),
      ),
    );

/**
 * The read side as the routes see it. Lookups by application or user scan the account
 * documents: an example's organisation has a handful of accounts; a large deployment would
 * add a read model keyed by application and by user instead.
 */
export const createPortalQueries = (readModels: ReadModelStore): PortalQueries => {
  const applicationSettings = documentsOf(readModels, applicationSettingsProjection);
  const accounts = documentsOf(readModels, accountDirectoryProjection);
  return {
    devicesOf: documentOf(readModels, mySettingsAndDevicesProjection),
    applicationSettingsOf: documentOf(readModels, applicationSettingsProjection),
    accountOf: documentOf(readModels, accountDirectoryProjection),
    accounts,
    findApplication: (applicationId) =>
      pipe(
        applicationSettings(),
        TE.map((all) => {
          for (const settings of all) {
            const application = settings.applications.find((candidate) => candidate.applicationId === applicationId);
            if (application !== undefined) return { settings, application };
          }
          return undefined;
        }),
      ),
    findUser: (userId) =>
      pipe(
        accounts(),
        TE.map((all) => {
          for (const account of all) {
            const user = account.users.find((candidate) => candidate.userId === userId);
            if (user !== undefined) return { account, user };
          }
          return undefined;
        }),
      ),
    portalSession: documentOf(readModels, portalSessionsProjection),
  };
};
