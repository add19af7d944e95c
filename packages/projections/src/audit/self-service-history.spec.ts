import * as E from 'fp-ts/Either';
import { cast, createTestHistory, openPortal, owner } from '../testing';
import { decodeHistory } from './decoded-history';
import { readHistory } from './history';
import { selfServiceHistory } from './self-service-history';

describe("the auditor: an application's self-service setting over time", () => {
  it('given the setting enabled by the application manager, disabled by the owner and enabled again after a promotion, then each change is listed with who and the role recorded then', async () => {
    const written = createTestHistory({ start: '2026-11-28T10:00:00.000Z' });
    await openPortal(written);
    written.advance(60);
    await written.run('DisableSelfService', owner, { applicationId: cast.applicationId });
    written.advance(60);
    await written.run('ChangeAdministratorRole', owner, { accountId: cast.accountId, adminId: cast.appManagerId, role: 'ADMINISTRATOR' });
    await written.run('EnableSelfService', { kind: 'admin', adminId: cast.appManagerId }, { applicationId: cast.applicationId });
    const read = await readHistory(written.store)();
    if (E.isLeft(read)) throw new Error('read failed');

    const { name, changes } = selfServiceHistory(decodeHistory(read.right).events, cast.applicationId);

    expect(name).toBe('Intranet');
    expect(changes.map(({ type, occurredAt, who }) => [type, occurredAt, who])).toEqual([
      ['SelfServiceEnabled', '2026-11-28T10:00:00.000Z', { kind: 'admin', adminId: cast.appManagerId, role: 'APPLICATION_MANAGER' }],
      ['SelfServiceDisabled', '2026-11-28T10:01:00.000Z', { kind: 'admin', adminId: cast.ownerId, role: 'OWNER' }],
      ['SelfServiceEnabled', '2026-11-28T10:02:00.000Z', { kind: 'admin', adminId: cast.appManagerId, role: 'ADMINISTRATOR' }],
    ]);
  });

  it('given an application that does not exist, then its history is empty and it has no name', async () => {
    const written = createTestHistory();
    await openPortal(written);
    const read = await readHistory(written.store)();
    if (E.isLeft(read)) throw new Error('read failed');
    expect(selfServiceHistory(decodeHistory(read.right).events, cast.userId)).toEqual({ applicationId: cast.userId, changes: [] });
  });
});
