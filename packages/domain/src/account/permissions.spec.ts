import * as E from 'fp-ts/Either';
import { applicationDecider } from '../application';
import { roles, type Role } from '../shared/enums';
import type { Decision } from '../shared/decider';
import type { DomainError } from '../shared/errors';
import { actors, applicationContext, command, decide, ids } from '../testing';
import {
  accountWithStaff,
  adminContext,
  adminWithRole,
  administratorAdded,
  aliceWithMobile,
  applicationRegistered,
  eligibleAccount,
  numbers,
  portalApplication,
  userRegistered,
} from '../testing/histories';
import { userDevicesDecider } from '../user-devices';
import { accountDecider } from '.';

/**
 * The spec's table of who may do what, written out independently of `permittedRoles`:
 * every administrator command, tried with every role.
 */
type Row = Readonly<{ allowed: readonly Role[]; attempt: (role: Role) => E.Either<DomainError, Decision<unknown>> }>;

const by = (role: Role) => actors.admin(adminWithRole[role]);
const accountId = ids.account;
const accountSpec = decide(accountDecider);
const applicationSpec = decide(applicationDecider);
const userSpec = decide(userDevicesDecider);

const table: Readonly<Record<string, Row>> = {
  ChangeEdition: {
    allowed: ['OWNER'],
    attempt: (role) => accountSpec.given(accountWithStaff()).when(command('ChangeEdition', by(role), { accountId, edition: 'BEYOND' })).decision,
  },
  ChangeAdministratorRole: {
    allowed: ['OWNER'],
    attempt: (role) =>
      accountSpec.given(accountWithStaff()).when(command('ChangeAdministratorRole', by(role), { accountId, adminId: ids.helpDesk, role: 'BILLING' })).decision,
  },
  EnableNewEnrollment: {
    allowed: ['OWNER', 'ADMINISTRATOR'],
    attempt: (role) => accountSpec.given(accountWithStaff()).when(command('EnableNewEnrollment', by(role), { accountId })).decision,
  },
  DisableNewEnrollment: {
    allowed: ['OWNER', 'ADMINISTRATOR'],
    attempt: (role) => accountSpec.given(eligibleAccount()).when(command('DisableNewEnrollment', by(role), { accountId })).decision,
  },
  AddAdministrator: {
    allowed: ['OWNER', 'ADMINISTRATOR'],
    attempt: (role) =>
      accountSpec.given(accountWithStaff()).when(command('AddAdministrator', by(role), { accountId, adminId: ids.newcomer, role: 'READ_ONLY' })).decision,
  },
  RemoveAdministrator: {
    allowed: ['OWNER', 'ADMINISTRATOR'],
    attempt: (role) =>
      accountSpec
        .given([...accountWithStaff(), administratorAdded(ids.newcomer, 'READ_ONLY')])
        .when(command('RemoveAdministrator', by(role), { accountId, adminId: ids.newcomer }))
        .decision,
  },
  RegisterUser: {
    allowed: ['OWNER', 'ADMINISTRATOR', 'USER_MANAGER'],
    attempt: (role) => userSpec.given([], adminContext()).when(command('RegisterUser', by(role), { accountId, userId: ids.alice, username: 'alice' })).decision,
  },
  RegisterApplication: {
    allowed: ['OWNER', 'ADMINISTRATOR', 'APPLICATION_MANAGER'],
    attempt: (role) =>
      applicationSpec
        .given([], applicationContext(eligibleAccount()))
        .when(command('RegisterApplication', by(role), { accountId, applicationId: ids.application, name: 'Intranet', applicationType: 'WEB_SDK' }))
        .decision,
  },
  EnableSelfService: {
    allowed: ['OWNER', 'ADMINISTRATOR', 'APPLICATION_MANAGER'],
    attempt: (role) =>
      applicationSpec
        .given([applicationRegistered()], applicationContext(eligibleAccount()))
        .when(command('EnableSelfService', by(role), { applicationId: ids.application }))
        .decision,
  },
  DisableSelfService: {
    allowed: ['OWNER', 'ADMINISTRATOR', 'APPLICATION_MANAGER'],
    attempt: (role) =>
      applicationSpec
        .given(portalApplication, applicationContext(eligibleAccount()))
        .when(command('DisableSelfService', by(role), { applicationId: ids.application }))
        .decision,
  },
  AssignHardwareToken: {
    allowed: ['OWNER', 'ADMINISTRATOR', 'USER_MANAGER', 'HELP_DESK'],
    attempt: (role) =>
      userSpec
        .given([userRegistered()], adminContext())
        .when(command('AssignHardwareToken', by(role), { userId: ids.alice, tokenId: ids.token, serial: '123456', tokenType: 'h6' }))
        .decision,
  },
  'EnrollDevice (by an administrator)': {
    allowed: ['OWNER', 'ADMINISTRATOR', 'USER_MANAGER', 'HELP_DESK'],
    attempt: (role) =>
      userSpec
        .given([userRegistered()], adminContext())
        .when(command('EnrollDevice', by(role), { userId: ids.alice, deviceId: ids.mobile, kind: 'MOBILE', phoneNumber: numbers.alice, platform: 'IOS' }))
        .decision,
  },
  'RemoveDevice (by an administrator)': {
    allowed: ['OWNER', 'ADMINISTRATOR', 'USER_MANAGER', 'HELP_DESK'],
    attempt: (role) => userSpec.given(aliceWithMobile, adminContext()).when(command('RemoveDevice', by(role), { userId: ids.alice, deviceId: ids.mobile })).decision,
  },
};

const cases = Object.entries(table).flatMap(([name, row]) => roles.map((role) => [name, role, row.allowed.includes(role), row] as const));

describe("administrators' roles, as the spec lists them", () => {
  it.each(cases)('%s by %s: allowed = %s', (_name, role, allowed, row) => {
    const decision = row.attempt(role);
    if (allowed) {
      // Accepted with events, and recorded with the role the account's history gives the actor.
      expect(decision).toEqual(E.right({ events: expect.arrayContaining([expect.anything()]), actor: { kind: 'admin', adminId: adminWithRole[role], role } }));
    } else {
      expect(decision).toEqual(E.left(expect.objectContaining({ code: 'ROLE_NOT_PERMITTED' })));
    }
  });

  it('BILLING and READ_ONLY change nothing at all', () => {
    const changesBy = (role: Role) => Object.values(table).filter((row) => E.isRight(row.attempt(role)));
    expect(changesBy('BILLING')).toEqual([]);
    expect(changesBy('READ_ONLY')).toEqual([]);
  });
});
