import { applicationSettingsProjection } from './application-settings';
import { cast, createTestHistory, openPortal, owner, projectionSpec, testId } from '../testing';

const rdp = testId(300);

describe('Application settings', () => {
  it('shows self-service per application, suspended while the account is ineligible, with the reason', async () => {
    // Given an eligible account with self-service enabled on a web application, and an RDP one
    const history = createTestHistory();
    await openPortal(history);
    await history.run('RegisterApplication', owner, { accountId: cast.accountId, applicationId: rdp, name: 'Jump host', applicationType: 'RDP' });
    const spec = projectionSpec(applicationSettingsProjection).givenStore(history.store);
    const statuses = async () =>
      (await spec.documents())[cast.accountId]?.applications.map((a) => [a.applicationId, a.selfService, a.suspendedBecause ?? null]);

    expect(await statuses()).toEqual([[cast.applicationId, 'ENABLED', null], [rdp, 'OFF', null]]);
    const enabledBy = (await spec.documents())[cast.accountId]?.applications[0]?.settingChangedBy;
    expect(enabledBy).toEqual({ kind: 'admin', adminId: cast.appManagerId, role: 'APPLICATION_MANAGER' });

    // When new enrollment is turned off, then the edition downgraded
    await history.run('DisableNewEnrollment', owner, { accountId: cast.accountId });
    expect(await statuses()).toEqual([[cast.applicationId, 'SUSPENDED', 'NEW_ENROLLMENT'], [rdp, 'OFF', null]]);
    await history.run('ChangeEdition', owner, { accountId: cast.accountId, edition: 'PERSONAL' });
    expect(await statuses()).toEqual([[cast.applicationId, 'SUSPENDED', 'EDITION'], [rdp, 'OFF', null]]);

    // When eligibility returns, the recorded setting comes back into effect
    await history.run('ChangeEdition', owner, { accountId: cast.accountId, edition: 'BEYOND' });
    await history.run('EnableNewEnrollment', owner, { accountId: cast.accountId });
    expect(await statuses()).toEqual([[cast.applicationId, 'ENABLED', null], [rdp, 'OFF', null]]);

    // When the administrator disables it
    await history.run('DisableSelfService', owner, { applicationId: cast.applicationId });
    expect(await statuses()).toEqual([[cast.applicationId, 'OFF', null], [rdp, 'OFF', null]]);
  });
});
