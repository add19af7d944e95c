import * as E from 'fp-ts/Either';
import { cast, createTestHistory, openPortal, startSession, stepUp, testId, user } from '../testing';
import { decodeHistory } from './decoded-history';
import { readHistory } from './history';
import { nameBeside, namesAlongHistory } from './names';

const session = testId(100);
const phone = testId(101);
const tablet = testId(102);

/** A phone enrolled as "Work phone", a tablet enrolled, the phone renamed "Old phone", then removed. */
const history = async () => {
  const written = createTestHistory();
  await openPortal(written);
  await startSession(written, session);
  await written.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: phone, kind: 'MOBILE', platform: 'IOS', name: 'Work phone', phoneNumber: '+16502530000' });
  await stepUp(written, session, phone);
  await written.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: tablet, kind: 'TABLET', platform: 'IOS', name: 'iPad' });
  await written.run('RenameDevice', user(session), { userId: cast.userId, deviceId: phone, name: 'Old phone' });
  await written.run('RemoveDevice', user(session), { userId: cast.userId, deviceId: phone });
  const read = await readHistory(written.store)();
  if (E.isLeft(read)) throw new Error('read failed');
  return decodeHistory(read.right).events;
};

describe('the names history gives its ids, as of each event', () => {
  it('given a device enrolled, renamed, then removed, then each event names it as it was at that moment, and the removal by its last name', async () => {
    const events = await history();
    const names = namesAlongHistory(events);
    const phoneNameAt = (type: string) => names[events.findIndex(({ event }) => event.type === type)]?.[phone];
    expect(phoneNameAt('DeviceEnrolled')).toBe('Work phone');
    expect(phoneNameAt('DeviceRenamed')).toBe('Old phone');
    expect(phoneNameAt('DeviceRemoved')).toBe('Old phone');
  });

  it('given an event, then it carries the names of the ids it mentions only, among them the acting user and the step-up device', async () => {
    const events = await history();
    const names = namesAlongHistory(events);
    const tabletEnrolled = events.findIndex(({ event }) => event.type === 'DeviceEnrolled' && event.data.deviceId === tablet);
    expect(names[tabletEnrolled]).toEqual({ [cast.accountId]: 'Acme', [cast.userId]: 'ada', [tablet]: 'iPad', [phone]: 'Work phone' });
  });

  it("given an administrator's action, then the administrator has no name (history records their id and role only) and is written bare", async () => {
    const events = await history();
    const names = namesAlongHistory(events);
    const added = events.findIndex(({ event }) => event.type === 'AdministratorAdded');
    expect(names[added]).toEqual({ [cast.accountId]: 'Acme' });
    expect(nameBeside(names[added] ?? {})(cast.appManagerId)).toBe(cast.appManagerId);
  });

  it('given a named id, then it is written as the name in quotes with the id beside it; an inherited property name is never taken for a name', () => {
    expect(nameBeside({ [cast.userId]: 'ada' })(cast.userId)).toBe(`"ada" (${cast.userId})`);
    expect(nameBeside({})('constructor')).toBe('constructor');
  });
});
