import { roles, type Role } from '../shared/enums';
import { accountOpened, accountWithStaff, adminWithRole, administratorAdded, newEnrollmentEnabled } from '../testing/histories';
import { actors, command, decide, ids } from '../testing';
import { accountDecider, editionIncludesSelfService, ownerCount, roleOf, selfServiceIneligibility } from '.';

const account = decide(accountDecider);
const staffed = accountWithStaff();
const rolesExcept = (...allowed: Role[]): Role[] => roles.filter((role) => !allowed.includes(role));
const by = (role: Role) => actors.admin(adminWithRole[role]);
const { account: accountId } = ids;

describe('OpenAccount', () => {
  const open = (actor = actors.system) => command('OpenAccount', actor, { accountId, name: 'Acme', edition: 'ENTERPRISE', ownerAdminId: ids.owner });

  it('opens an account whose creator is its OWNER and whose new enrollment starts disabled', () => {
    const state = account.given([]).when(open()).then([accountOpened()]);
    expect(roleOf(state, ids.owner)).toBe('OWNER');
    expect(selfServiceIneligibility(state)).toBe('NEW_ENROLLMENT');
  });

  it('is done by the system only', () => {
    account.given([]).when(open(actors.admin(ids.owner))).thenFails('FORBIDDEN');
  });

  it('refuses an account id already used', () => {
    account.given([accountOpened()]).when(open()).thenFails('DUPLICATE');
  });
});

describe('editions', () => {
  it.each(['ENTERPRISE', 'PLATFORM', 'BEYOND'] as const)('%s includes the self-service portal', (edition) => {
    expect(editionIncludesSelfService(edition)).toBe(true);
  });

  it('PERSONAL never includes it', () => {
    expect(editionIncludesSelfService('PERSONAL')).toBe(false);
    expect(selfServiceIneligibility(accountWithStaff('PERSONAL').concat(newEnrollmentEnabled()).reduce(accountDecider.evolve, accountDecider.initialState))).toBe('EDITION');
  });

  it('an account that does not exist is never eligible', () => {
    expect(selfServiceIneligibility(accountDecider.initialState)).toBe('EDITION');
  });
});

describe('ChangeEdition: only an OWNER', () => {
  const change = (role: Role, edition: 'PERSONAL' | 'BEYOND' = 'BEYOND') => command('ChangeEdition', by(role), { accountId, edition });

  it('an OWNER changes it, and the event records the previous edition', () => {
    account.given(staffed).when(change('OWNER')).then([{ type: 'EditionChanged', data: { accountId, edition: 'BEYOND', previousEdition: 'ENTERPRISE' } }]);
  });

  it('an OWNER may downgrade to PERSONAL', () => {
    account.given(staffed).when(change('OWNER', 'PERSONAL')).then([{ type: 'EditionChanged', data: { accountId, edition: 'PERSONAL', previousEdition: 'ENTERPRISE' } }]);
  });

  it('changing to the current edition changes nothing', () => {
    account.given(staffed).when(command('ChangeEdition', by('OWNER'), { accountId, edition: 'ENTERPRISE' })).then([]);
  });

  it.each(rolesExcept('OWNER'))('%s may not', (role) => {
    account.given(staffed).when(change(role)).thenFails('ROLE_NOT_PERMITTED');
  });
});

describe('EnableNewEnrollment / DisableNewEnrollment: OWNER and ADMINISTRATOR', () => {
  const enable = (role: Role) => command('EnableNewEnrollment', by(role), { accountId });
  const disable = (role: Role) => command('DisableNewEnrollment', by(role), { accountId });

  it.each(['OWNER', 'ADMINISTRATOR'] as const)('%s turns it on, then off', (role) => {
    account.given(staffed).when(enable(role)).then([newEnrollmentEnabled()]);
    account.given([...staffed, newEnrollmentEnabled()]).when(disable(role)).then([{ type: 'NewEnrollmentDisabled', data: { accountId } }]);
  });

  it('turning on what is on, or off what is off, changes nothing', () => {
    account.given([...staffed, newEnrollmentEnabled()]).when(enable('OWNER')).then([]);
    account.given(staffed).when(disable('OWNER')).then([]);
  });

  it.each(rolesExcept('OWNER', 'ADMINISTRATOR'))('%s may not', (role) => {
    account.given(staffed).when(enable(role)).thenFails('ROLE_NOT_PERMITTED');
    account.given([...staffed, newEnrollmentEnabled()]).when(disable(role)).thenFails('ROLE_NOT_PERMITTED');
  });
});

describe('AddAdministrator: OWNER and ADMINISTRATOR; only an OWNER creates an OWNER', () => {
  const add = (role: Role, newRole: Role = 'HELP_DESK') => command('AddAdministrator', by(role), { accountId, adminId: ids.newcomer, role: newRole });

  it.each(['OWNER', 'ADMINISTRATOR'] as const)('%s adds an administrator', (role) => {
    account.given(staffed).when(add(role)).then([administratorAdded(ids.newcomer, 'HELP_DESK')]);
  });

  it.each(rolesExcept('OWNER', 'ADMINISTRATOR'))('%s may not', (role) => {
    account.given(staffed).when(add(role)).thenFails('ROLE_NOT_PERMITTED');
  });

  it('an ADMINISTRATOR cannot create an OWNER', () => {
    account.given(staffed).when(add('ADMINISTRATOR', 'OWNER')).thenFails('ROLE_NOT_PERMITTED');
  });

  it('an OWNER can', () => {
    account.given(staffed).when(add('OWNER', 'OWNER')).then([administratorAdded(ids.newcomer, 'OWNER')]);
  });

  it('adding an administrator again with the same role changes nothing', () => {
    account.given([...staffed, administratorAdded(ids.newcomer, 'HELP_DESK')]).when(add('OWNER')).then([]);
  });

  it('adding an existing administrator with another role is refused: that is a role change', () => {
    account.given([...staffed, administratorAdded(ids.newcomer, 'BILLING')]).when(add('OWNER')).thenFails('DUPLICATE');
  });
});

describe('ChangeAdministratorRole: only an OWNER, and never the last OWNER away', () => {
  const changeRole = (actorRole: Role, adminId: string, role: Role) => command('ChangeAdministratorRole', by(actorRole), { accountId, adminId, role });

  it('an OWNER changes a role, and the event records the previous one', () => {
    account
      .given(staffed)
      .when(changeRole('OWNER', ids.helpDesk, 'USER_MANAGER'))
      .then([{ type: 'AdministratorRoleChanged', data: { accountId, adminId: ids.helpDesk, role: 'USER_MANAGER', previousRole: 'HELP_DESK' } }]);
  });

  it.each(rolesExcept('OWNER'))('%s may not', (role) => {
    account.given(staffed).when(changeRole(role, ids.helpDesk, 'USER_MANAGER')).thenFails('ROLE_NOT_PERMITTED');
  });

  it('demoting the last OWNER is refused, even by themselves', () => {
    account.given(staffed).when(changeRole('OWNER', ids.owner, 'ADMINISTRATOR')).thenFails('LAST_OWNER');
  });

  it('demoting one of two OWNERs is fine', () => {
    const state = account
      .given([...staffed, administratorAdded(ids.newcomer, 'OWNER')])
      .when(changeRole('OWNER', ids.owner, 'ADMINISTRATOR'))
      .then([{ type: 'AdministratorRoleChanged', data: { accountId, adminId: ids.owner, role: 'ADMINISTRATOR', previousRole: 'OWNER' } }]);
    expect(ownerCount(state)).toBe(1);
  });

  it('giving the role already held changes nothing', () => {
    account.given(staffed).when(changeRole('OWNER', ids.helpDesk, 'HELP_DESK')).then([]);
  });

  it('an administrator who is not in the account is not found', () => {
    account.given(staffed).when(changeRole('OWNER', ids.newcomer, 'HELP_DESK')).thenFails('NOT_FOUND');
  });
});

describe('RemoveAdministrator: OWNER and ADMINISTRATOR; only an OWNER removes an OWNER; never the last OWNER', () => {
  const remove = (actorRole: Role, adminId: string) => command('RemoveAdministrator', by(actorRole), { accountId, adminId });
  const removed = (adminId: string, role: Role) => ({ type: 'AdministratorRemoved' as const, data: { accountId, adminId, role } });

  it.each(['OWNER', 'ADMINISTRATOR'] as const)('%s removes a non-owner administrator', (role) => {
    const state = account.given(staffed).when(remove(role, ids.billing)).then([removed(ids.billing, 'BILLING')]);
    expect(roleOf(state, ids.billing)).toBeUndefined();
  });

  it('an ADMINISTRATOR may remove another ADMINISTRATOR (policy)', () => {
    account
      .given([...staffed, administratorAdded(ids.newcomer, 'ADMINISTRATOR')])
      .when(remove('ADMINISTRATOR', ids.newcomer))
      .then([removed(ids.newcomer, 'ADMINISTRATOR')]);
  });

  it.each(rolesExcept('OWNER', 'ADMINISTRATOR'))('%s may not', (role) => {
    account.given(staffed).when(remove(role, ids.readOnly)).thenFails('ROLE_NOT_PERMITTED');
  });

  it('an ADMINISTRATOR may not remove an OWNER (policy), even one of two', () => {
    account.given([...staffed, administratorAdded(ids.newcomer, 'OWNER')]).when(remove('ADMINISTRATOR', ids.owner)).thenFails('ROLE_NOT_PERMITTED');
  });

  it('the last OWNER cannot be removed, even by themselves', () => {
    account.given(staffed).when(remove('OWNER', ids.owner)).thenFails('LAST_OWNER');
  });

  it('an OWNER removes another OWNER while one remains', () => {
    account.given([...staffed, administratorAdded(ids.newcomer, 'OWNER')]).when(remove('OWNER', ids.newcomer)).then([removed(ids.newcomer, 'OWNER')]);
  });

  it('removing someone who is not an administrator changes nothing', () => {
    account.given(staffed).when(remove('OWNER', ids.newcomer)).then([]);
  });
});

describe('who is asking', () => {
  const changeEdition = (actor = actors.admin(ids.owner), target: string = accountId) => command('ChangeEdition', actor, { accountId: target, edition: 'BEYOND' });

  it('an administrator of another account is a stranger: the account is not found', () => {
    account.given(staffed).when(changeEdition(actors.admin(ids.stranger))).thenFails('NOT_FOUND');
  });

  it('a removed administrator is a stranger too', () => {
    account
      .given([...staffed, { type: 'AdministratorRemoved', data: { accountId, adminId: ids.administrator, role: 'ADMINISTRATOR' } }])
      .when(command('EnableNewEnrollment', actors.admin(ids.administrator), { accountId }))
      .thenFails('NOT_FOUND');
  });

  it('a command naming another account than the history it is decided on finds nothing', () => {
    account.given(staffed).when(changeEdition(actors.admin(ids.owner), ids.otherAccount)).thenFails('NOT_FOUND');
  });

  it('an account that does not exist is not found', () => {
    account.given([]).when(changeEdition()).thenFails('NOT_FOUND');
  });

  it.each([
    ['user', actors.user(ids.alice, ids.session)],
    ['authenticator', actors.authenticator],
    ['system', actors.system],
  ])('a %s may never act as an administrator', (_kind, actor) => {
    account.given(staffed).when(changeEdition(actor)).thenFails('FORBIDDEN');
  });
});

describe('history', () => {
  it('events before the account was opened change nothing: evolve never fails', () => {
    const state = [newEnrollmentEnabled(), administratorAdded(ids.helpDesk, 'HELP_DESK')].reduce(accountDecider.evolve, accountDecider.initialState);
    expect(state).toEqual({ status: 'NONE' });
    expect(roleOf(state, ids.helpDesk)).toBeUndefined();
    expect(ownerCount(state)).toBe(0);
  });
});
