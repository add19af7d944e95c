import * as E from 'fp-ts/Either';
import { accountDecider, type AccountEvent } from '../account';
import { decodeCommand } from '../commands';
import { fold } from '../shared/decider';
import { ApplicationType, type Edition } from '../shared/enums';
import { actors, applicationContext, command, decide, ids } from '../testing';
import {
  accountWithStaff,
  applicationRegistered,
  editionChanged,
  eligibleAccount,
  newEnrollmentDisabled,
  newEnrollmentEnabled,
  otherAccount,
  portalApplication,
  selfServiceDisabled,
  selfServiceEnabled,
} from '../testing/histories';
import { applicationDecider, selfServiceStatus } from '.';

const application = decide(applicationDecider);
const { application: applicationId, account: accountId } = ids;
const eligible = applicationContext(eligibleAccount());
const enable = (adminId: string = ids.owner) => command('EnableSelfService', actors.admin(adminId), { applicationId });
const disable = (adminId: string = ids.owner) => command('DisableSelfService', actors.admin(adminId), { applicationId });

describe('RegisterApplication', () => {
  const register = (adminId: string = ids.applicationManager, applicationType: ApplicationType = 'WEB_SDK', target: string = accountId) =>
    command('RegisterApplication', actors.admin(adminId), { accountId: target, applicationId, name: 'Intranet', applicationType });

  it('registers an application of the account, with self-service off', () => {
    const state = application.given([], eligible).when(register()).then([applicationRegistered()]);
    expect(selfServiceStatus(state, eligible.account)).toEqual({ status: 'OFF' });
  });

  it('refuses an application id already used', () => {
    application.given([applicationRegistered()], eligible).when(register()).thenFails('DUPLICATE');
  });

  it('an administrator of another account is a stranger', () => {
    application.given([], eligible).when(register(ids.stranger)).thenFails('NOT_FOUND');
  });

  it('the account loaded must be the one the command names', () => {
    application.given([], eligible).when(register(ids.owner, 'WEB_SDK', ids.otherAccount)).thenFails('NOT_FOUND');
  });

  it('a user may never register an application', () => {
    const byUser = command('RegisterApplication', actors.user(ids.alice, ids.session), { accountId, applicationId, name: 'x', applicationType: 'RDP' });
    application.given([], eligible).when(byUser).thenFails('FORBIDDEN');
  });
});

/** The spec's lists, written out rather than read from the code under test. */
const typesWithPortal = ['WEB_SDK', 'CISCO_SSL_VPN', 'JUNIPER_SSL_VPN', 'MICROSOFT_OWA', 'WORDPRESS'] as const satisfies readonly ApplicationType[];
const typesWithoutPortal = ['RDP', 'UNIX_SSH', 'RADIUS', 'ADMIN_API', 'AUTH_API'] as const satisfies readonly ApplicationType[];

describe('EnableSelfService: types with a web-based prompt', () => {
  it('the spec lists every application type on one side or the other', () => {
    expect([...typesWithPortal, ...typesWithoutPortal].sort()).toEqual(Object.keys(ApplicationType.keys).sort());
  });

  it.each(typesWithPortal)('%s supports it', (type) => {
    application.given([applicationRegistered(type)], eligible).when(enable()).then([selfServiceEnabled()]);
  });

  it.each(typesWithoutPortal)('%s does not', (type) => {
    application.given([applicationRegistered(type)], eligible).when(enable()).thenFails('APPLICATION_TYPE_UNSUPPORTED');
  });
});

describe('EnableSelfService: editions and new enrollment', () => {
  it.each(['ENTERPRISE', 'PLATFORM', 'BEYOND'] as const)('%s is eligible', (edition) => {
    application.given([applicationRegistered()], applicationContext(eligibleAccount(edition))).when(enable()).then([selfServiceEnabled()]);
  });

  it('PERSONAL is never eligible', () => {
    application.given([applicationRegistered()], applicationContext(eligibleAccount('PERSONAL'))).when(enable()).thenFails('EDITION_NOT_ELIGIBLE');
  });

  it('new enrollment must be enabled', () => {
    application.given([applicationRegistered()], applicationContext(accountWithStaff())).when(enable()).thenFails('NEW_ENROLLMENT_DISABLED');
  });

  it('enabling what is enabled changes nothing', () => {
    application.given(portalApplication, eligible).when(enable()).then([]);
  });
});

describe('DisableSelfService', () => {
  it('turns it off', () => {
    application.given(portalApplication, eligible).when(disable()).then([selfServiceDisabled()]);
  });

  it('is allowed while the account is not eligible', () => {
    application.given(portalApplication, applicationContext(accountWithStaff('PERSONAL'))).when(disable()).then([selfServiceDisabled()]);
  });

  it('disabling what is off changes nothing', () => {
    application.given([applicationRegistered()], eligible).when(disable()).then([]);
  });
});

describe('who may toggle self-service', () => {
  it("an administrator of another account is a stranger to the application's account", () => {
    application.given([applicationRegistered()], eligible).when(enable(ids.stranger)).thenFails('NOT_FOUND');
  });

  it("an application of another account is not found, even if the handler loaded the administrator's own account", () => {
    const foreign = applicationRegistered('WEB_SDK', applicationId, ids.otherAccount);
    application.given([foreign], eligible).when(enable(ids.owner)).thenFails('NOT_FOUND');
    application.given([foreign], applicationContext(otherAccount)).when(enable(ids.owner)).thenFails('NOT_FOUND');
  });

  it('an application that does not exist is not found', () => {
    application.given([], eligible).when(enable()).thenFails('NOT_FOUND');
    application.given([], eligible).when(disable()).thenFails('NOT_FOUND');
  });

  it('only administrators toggle it', () => {
    application.given(portalApplication, eligible).when(command('DisableSelfService', actors.system, { applicationId })).thenFails('FORBIDDEN');
    application.given([], eligible).when(command('EnableSelfService', actors.user(ids.alice, ids.session), { applicationId })).thenFails('FORBIDDEN');
  });

  it('the role is the one history records: a command that claims one is refused before any rule runs', () => {
    const claimed = decodeCommand({
      type: 'EnableSelfService',
      commandId: ids.command,
      actor: { kind: 'admin', adminId: ids.readOnly, role: 'OWNER' },
      data: { applicationId },
    });
    expect(E.isLeft(claimed) && claimed.left.code).toBe('INVALID_COMMAND');
  });
});

describe('suspension: the setting stays, its effect follows eligibility', () => {
  const statusAfter = (accountHistory: readonly AccountEvent[]) =>
    selfServiceStatus(fold(applicationDecider, portalApplication), fold(accountDecider, accountHistory));
  const downgradedTo = (edition: Edition) => [...eligibleAccount(), editionChanged(edition, 'ENTERPRISE')];

  it('is in effect while the account is eligible', () => {
    expect(statusAfter(eligibleAccount())).toEqual({ status: 'ENABLED' });
  });

  it('is suspended when the edition is downgraded to PERSONAL, and back when it is upgraded again', () => {
    expect(statusAfter(downgradedTo('PERSONAL'))).toEqual({ status: 'SUSPENDED', reason: 'EDITION' });
    expect(statusAfter([...downgradedTo('PERSONAL'), editionChanged('PLATFORM', 'PERSONAL')])).toEqual({ status: 'ENABLED' });
  });

  it('is suspended when new enrollment is disabled, and back when it is enabled again', () => {
    expect(statusAfter([...eligibleAccount(), newEnrollmentDisabled()])).toEqual({ status: 'SUSPENDED', reason: 'NEW_ENROLLMENT' });
    expect(statusAfter([...eligibleAccount(), newEnrollmentDisabled(), newEnrollmentEnabled()])).toEqual({ status: 'ENABLED' });
  });

  it('is off when the administrator disabled it, whatever the account', () => {
    const off = fold(applicationDecider, [...portalApplication, selfServiceDisabled()]);
    expect(selfServiceStatus(off, fold(accountDecider, eligibleAccount()))).toEqual({ status: 'OFF' });
  });

  it('re-enabling while suspended is refused with the reason', () => {
    application.given(portalApplication, applicationContext(downgradedTo('PERSONAL'))).when(enable()).thenFails('EDITION_NOT_ELIGIBLE');
  });
});

describe('history', () => {
  it('events before the application was registered change nothing: evolve never fails', () => {
    expect(fold(applicationDecider, [selfServiceEnabled()])).toEqual({ status: 'NONE' });
  });
});
