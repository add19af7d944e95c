import * as E from 'fp-ts/Either';
import { accountDecider } from './account';
import { applicationDecider } from './application';
import { decodeCommand } from './commands';
import { portalSessionDecider } from './portal-session';
import { errorCodes, type DomainError, type ErrorCode } from './shared/errors';
import { defaultPolicy } from './shared/policy';
import { actors, applicationContext, at, command, decide, ids, minutes, portalSessionContext } from './testing';
import {
  accountOpened,
  accountWithStaff,
  aliceWithMobile,
  applicationRegistered,
  eligibleAccount,
  portal,
  sessionStarted,
  stepUpBegun,
  tokenAssigned,
  userRegistered,
} from './testing/histories';
import { userDevicesDecider } from './user-devices';

/** Conflicts between concurrent writers are found where streams are appended, not by a decider. */
type DecidedCode = Exclude<ErrorCode, 'CONCURRENCY_CONFLICT'>;

const account = decide(accountDecider);
const application = decide(applicationDecider);
const session = decide(portalSessionDecider);
const devices = decide(userDevicesDecider);
const alice = actors.user(ids.alice, ids.session);
const renameMobile = command('RenameDevice', alice, { userId: ids.alice, deviceId: ids.mobile, name: 'Work' });
const enable = (adminId: string = ids.owner) => command('EnableSelfService', actors.admin(adminId), { applicationId: ids.application });

/** One example of every refusal a decider (or the decoder) can give. */
const oneExamplePerCode: Readonly<Record<DecidedCode, () => E.Either<DomainError, unknown>>> = {
  INVALID_COMMAND: () => decodeCommand({ type: 'RenameDevice', commandId: ids.command, actor: alice, data: { userId: ids.alice, deviceId: ids.mobile } }),
  NOT_FOUND: () => account.given(accountWithStaff()).when(command('ChangeEdition', actors.admin(ids.stranger), { accountId: ids.account, edition: 'BEYOND' })).decision,
  FORBIDDEN: () => session.given([sessionStarted(), stepUpBegun()], portalSessionContext({})).when(command('CompleteStepUp', alice, { sessionId: ids.session })).decision,
  ROLE_NOT_PERMITTED: () => application.given([applicationRegistered()], applicationContext(eligibleAccount())).when(enable(ids.readOnly)).decision,
  EDITION_NOT_ELIGIBLE: () => application.given([applicationRegistered()], applicationContext(eligibleAccount('PERSONAL'))).when(enable()).decision,
  NEW_ENROLLMENT_DISABLED: () => application.given([applicationRegistered()], applicationContext(accountWithStaff())).when(enable()).decision,
  APPLICATION_TYPE_UNSUPPORTED: () => application.given([applicationRegistered('RDP')], applicationContext(eligibleAccount())).when(enable()).decision,
  SELF_SERVICE_NOT_ENABLED: () =>
    session
      .given([], portalSessionContext({ account: eligibleAccount(), application: [applicationRegistered()], user: aliceWithMobile }))
      .when(command('StartPortalSession', actors.user(ids.alice), { sessionId: ids.session, userId: ids.alice, applicationId: ids.application }))
      .decision,
  STEP_UP_REQUIRED: () => devices.given(aliceWithMobile, portal({ session: [sessionStarted(), stepUpBegun()] })).when(renameMobile).decision,
  STEP_UP_EXPIRED: () => devices.given(aliceWithMobile, portal({ now: at(minutes(5) + 1) })).when(renameMobile).decision,
  SESSION_MISMATCH: () => devices.given(aliceWithMobile, portal()).when(command('RenameDevice', actors.user(ids.bob, ids.session), { userId: ids.bob, deviceId: ids.mobile, name: 'Mine' })).decision,
  DEVICE_NOT_CAPABLE: () =>
    devices.given([...aliceWithMobile, tokenAssigned()], portal()).when(command('RenameDevice', alice, { userId: ids.alice, deviceId: ids.token, name: 'Key' })).decision,
  LAST_DEVICE: () => devices.given(aliceWithMobile, portal()).when(command('RemoveDevice', alice, { userId: ids.alice, deviceId: ids.mobile })).decision,
  DEVICE_LIMIT_REACHED: () =>
    devices
      .given(aliceWithMobile, portal({ policy: { ...defaultPolicy, maxPhones: 1 } }))
      .when(command('EnrollDevice', alice, { userId: ids.alice, deviceId: ids.tablet, kind: 'TABLET' }))
      .decision,
  DUPLICATE: () =>
    account.given([accountOpened()]).when(command('OpenAccount', actors.system, { accountId: ids.account, name: 'Acme', edition: 'BEYOND', ownerAdminId: ids.owner })).decision,
  ACTIVATION_INVALID: () =>
    devices.given(aliceWithMobile, portal()).when(command('ActivateDuoMobile', alice, { userId: ids.alice, deviceId: ids.mobile, activationId: ids.activation })).decision,
  LAST_OWNER: () =>
    account.given([accountOpened()]).when(command('RemoveAdministrator', actors.admin(ids.owner), { accountId: ids.account, adminId: ids.owner })).decision,
};

const decidedCodes = errorCodes.filter((code): code is DecidedCode => code !== 'CONCURRENCY_CONFLICT');

describe('every error code of the contract is produced by the domain', () => {
  it.each(decidedCodes)('%s', (code) => {
    const example = oneExamplePerCode[code];
    expect(example()).toEqual(E.left(expect.objectContaining({ code })));
  });

  it('with a message a person can act on', () => {
    decidedCodes.forEach((code) => {
      const decision = oneExamplePerCode[code]();
      expect(E.isLeft(decision) && decision.left.message.length).toBeGreaterThan(10);
    });
  });

  it('CONCURRENCY_CONFLICT is the only code left to the command side', () => {
    expect(errorCodes.filter((code) => !Object.hasOwn(oneExamplePerCode, code))).toEqual(['CONCURRENCY_CONFLICT']);
  });

  it('even a user with no device at all is refused with a code', () => {
    expect(devices.given([userRegistered()], portal({ session: [sessionStarted()] })).when(renameMobile).decision).toEqual(E.left(expect.objectContaining({ code: 'STEP_UP_REQUIRED' })));
  });
});
