import { accountDecider, userDevicesDecider } from '@ssp/domain';
import { actors, command, decide, deviceId, ids, standardContext, T0 } from '@ssp/domain/testing';

// The given / when / then helpers of @ssp/domain/testing, under Jest in the consumer's project.
describe('the account rules, as a consumer tests them', () => {
  const opened = { type: 'AccountOpened', data: { accountId: ids.account, name: 'Acme', edition: 'ENTERPRISE', ownerAdminId: ids.owner } } as const;

  it('given an open account, when its owner changes the edition, then EditionChanged', () => {
    decide(accountDecider)
      .given([opened])
      .when(command('ChangeEdition', actors.admin(ids.owner), { accountId: ids.account, edition: 'BEYOND' }))
      .then([{ type: 'EditionChanged', data: { accountId: ids.account, edition: 'BEYOND', previousEdition: 'ENTERPRISE' } }]);
  });

  it('given an open account, when an administrator of another account changes its edition, then the account is not found for them', () => {
    const error = decide(accountDecider)
      .given([opened])
      .when(command('ChangeEdition', actors.admin(ids.stranger), { accountId: ids.account, edition: 'BEYOND' }))
      .thenFails('NOT_FOUND');
    expect(error.message).not.toBe('');
  });

  it('exposes the fixtures a consumer builds on', () => {
    expect(typeof userDevicesDecider.decide).toBe('function');
    expect(deviceId(1)).not.toBe(deviceId(2));
    expect(standardContext.now).toBe(T0);
  });
});
