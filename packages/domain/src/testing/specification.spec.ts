import { AssertionError } from 'node:assert';
import * as E from 'fp-ts/Either';
import { accountDecider } from '../account';
import { userDevicesDecider } from '../user-devices';
import { accountOpened, aliceWithMobile, portal } from './histories';
import { actors, command, decide, ids } from '.';

/** The given / when / then helper is public: its own failures must read well. */
const changeToBeyond = command('ChangeEdition', actors.admin(ids.owner), { accountId: ids.account, edition: 'BEYOND' });
const editionChanged = { type: 'EditionChanged' as const, data: { accountId: ids.account, edition: 'BEYOND' as const, previousEdition: 'ENTERPRISE' as const } };

describe('decide(decider).given(history).when(command)', () => {
  it('then(events) passes when the command succeeds with exactly those events, and returns the state after them', () => {
    const state = decide(accountDecider).given([accountOpened()]).when(changeToBeyond).then([editionChanged]);
    expect(state).toMatchObject({ edition: 'BEYOND' });
  });

  it('then(events) fails when other events happen, showing the difference', () => {
    const spec = decide(accountDecider).given([accountOpened()]).when(changeToBeyond);
    expect(() => spec.then([])).toThrow(AssertionError);
  });

  it('then(events) fails when the command is refused, naming the code and the message', () => {
    const spec = decide(accountDecider).given([]).when(changeToBeyond);
    expect(() => spec.then([editionChanged])).toThrow(/expected \{"type":"EditionChanged".*\}, but the command was refused: NOT_FOUND: account not found/);
    expect(() => spec.then([])).toThrow(/expected no events, but the command was refused: NOT_FOUND/);
  });

  it('thenFails(code) returns the error, to check its message', () => {
    const error = decide(accountDecider).given([]).when(changeToBeyond).thenFails('NOT_FOUND');
    expect(error.message).toBe('account not found');
  });

  it('thenFails(code) fails when the command succeeds, listing the events', () => {
    const spec = decide(accountDecider).given([accountOpened()]).when(changeToBeyond);
    expect(() => spec.thenFails('FORBIDDEN')).toThrow(/expected FORBIDDEN, but the command succeeded with \{"type":"EditionChanged"/);
  });

  it('thenFails(code) fails on another code, naming it and its message', () => {
    const spec = decide(accountDecider).given([]).when(changeToBeyond);
    expect(() => spec.thenFails('FORBIDDEN')).toThrow(/expected FORBIDDEN, but the command was refused with NOT_FOUND: account not found/);
  });

  it('the raw decision is there too, with the actor as history will record it', () => {
    expect(decide(accountDecider).given([accountOpened()]).when(changeToBeyond).decision).toEqual(
      E.right({ events: [editionChanged], actor: { kind: 'admin', adminId: ids.owner, role: 'OWNER' } }),
    );
  });

  it('a decider with a context takes it in given', () => {
    const rename = command('RenameDevice', actors.user(ids.alice, ids.session), { userId: ids.alice, deviceId: ids.mobile, name: 'Work' });
    decide(userDevicesDecider)
      .given(aliceWithMobile, portal())
      .when(rename)
      .then([{ type: 'DeviceRenamed', data: { userId: ids.alice, deviceId: ids.mobile, name: 'Work', previousName: 'iOS phone' } }]);
  });
});
