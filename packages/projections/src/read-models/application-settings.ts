import * as t from 'io-ts';
import {
  isApplicationEvent,
  ApplicationType,
  Edition,
  selfServiceStatus,
  type AccountState,
  type ApplicationEvent,
  type DomainEvent,
} from '@ssp/domain';
import { Who, whoOf } from '../describe/who';
import type { Projection } from '../runner/projection';

/** One application of an account's settings, as the document stores it. */
export const ApplicationView = t.intersection([
  t.type({
    applicationId: t.string,
    name: t.string,
    applicationType: ApplicationType,
    /** The administrator's recorded setting. */
    selfServiceSetting: t.keyof({ ON: null, OFF: null }),
    /** What users get: the setting, unless the account has lost eligibility since. */
    selfService: t.keyof({ ENABLED: null, SUSPENDED: null, OFF: null }),
    registeredAt: t.string,
  }),
  t.partial({
    suspendedBecause: t.keyof({ EDITION: null, NEW_ENROLLMENT: null }),
    settingChangedAt: t.string,
    settingChangedBy: Who,
  }),
]);

/** Every application of one account with its self-service state, one document per account id. */
export const ApplicationSettings = t.intersection([
  t.type({ accountId: t.string, newEnrollmentEnabled: t.boolean, applications: t.array(ApplicationView) }),
  t.partial({ accountName: t.string, edition: Edition }),
]);
export type ApplicationSettings = t.TypeOf<typeof ApplicationSettings>;
export type ApplicationView = t.TypeOf<typeof ApplicationView>;

type AccountEligibilityEvent = Extract<
  DomainEvent,
  { type: 'AccountOpened' | 'EditionChanged' | 'NewEnrollmentEnabled' | 'NewEnrollmentDisabled' }
>;

const eligibilityEventTypes: ReadonlySet<string> = new Set(['AccountOpened', 'EditionChanged', 'NewEnrollmentEnabled', 'NewEnrollmentDisabled']);
const isEligibilityEvent = (event: DomainEvent): event is AccountEligibilityEvent => eligibilityEventTypes.has(event.type);

const emptyAccount = (accountId: string): ApplicationSettings => ({ accountId, newEnrollmentEnabled: false, applications: [] });

/** The account as the domain's eligibility rule reads it; administrators play no part in it. */
const accountStateOf = (doc: ApplicationSettings): AccountState =>
  doc.edition === undefined
    ? { status: 'NONE' }
    : {
        status: 'OPEN',
        accountId: doc.accountId,
        name: doc.accountName ?? '',
        edition: doc.edition,
        newEnrollmentEnabled: doc.newEnrollmentEnabled,
        administrators: {},
      };

/** Recomputes every application's status with the domain's own rule, so both sides agree. */
const withStatuses = (doc: ApplicationSettings): ApplicationSettings => {
  const account = accountStateOf(doc);
  return {
    ...doc,
    applications: doc.applications.map(({ suspendedBecause: _previous, ...application }) => {
      const status = selfServiceStatus(
        {
          status: 'REGISTERED',
          applicationId: application.applicationId,
          accountId: doc.accountId,
          name: application.name,
          applicationType: application.applicationType,
          selfServiceEnabled: application.selfServiceSetting === 'ON',
        },
        account,
      );
      return status.status === 'SUSPENDED'
        ? { ...application, selfService: status.status, suspendedBecause: status.reason }
        : { ...application, selfService: status.status };
    }),
  };
};

const evolveAccount = (doc: ApplicationSettings, event: AccountEligibilityEvent): ApplicationSettings => {
  switch (event.type) {
    case 'AccountOpened':
      return { ...doc, accountName: event.data.name, edition: event.data.edition };
    case 'EditionChanged':
      return { ...doc, edition: event.data.edition };
    case 'NewEnrollmentEnabled':
      return { ...doc, newEnrollmentEnabled: true };
    case 'NewEnrollmentDisabled':
      return { ...doc, newEnrollmentEnabled: false };
  }
};

const evolveApplication = (
  doc: ApplicationSettings,
  event: ApplicationEvent,
  change: Pick<ApplicationView, 'settingChangedAt' | 'settingChangedBy'> & { at: string },
): ApplicationSettings => {
  if (event.type === 'ApplicationRegistered') {
    const { applicationId, name, applicationType } = event.data;
    if (doc.applications.some((application) => application.applicationId === applicationId)) return doc;
    const view: ApplicationView = { applicationId, name, applicationType, selfServiceSetting: 'OFF', selfService: 'OFF', registeredAt: change.at };
    return { ...doc, applications: [...doc.applications, view] };
  }
  const setting = event.type === 'SelfServiceEnabled' ? 'ON' : 'OFF';
  return {
    ...doc,
    applications: doc.applications.map((application) =>
      application.applicationId === event.data.applicationId
        ? { ...application, selfServiceSetting: setting, settingChangedAt: change.at, ...(change.settingChangedBy === undefined ? {} : { settingChangedBy: change.settingChangedBy }) }
        : application,
    ),
  };
};

export const applicationSettingsProjection: Projection<ApplicationSettings> = {
  name: 'application-settings',
  document: ApplicationSettings,
  touches: ({ event }) => (isEligibilityEvent(event) || isApplicationEvent(event) ? [event.data.accountId] : []),
  apply: ({ event, metadata }, current) => {
    if (isEligibilityEvent(event)) {
      const doc = current(event.data.accountId) ?? emptyAccount(event.data.accountId);
      return [[event.data.accountId, withStatuses(evolveAccount(doc, event))]];
    }
    if (isApplicationEvent(event)) {
      const doc = current(event.data.accountId) ?? emptyAccount(event.data.accountId);
      const change = { at: metadata.occurredAt, settingChangedBy: whoOf(metadata.actor) };
      return [[event.data.accountId, withStatuses(evolveApplication(doc, event, change))]];
    }
    return [];
  },
};
