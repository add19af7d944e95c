import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { authoriseAdmin, recordedAdmin } from '../account/permissions';
import { authorisePortalChange, recordedPortalUser, type PortalAuthorisation, type PortalContext } from '../portal-session/step-up';
import type { Actor, RecordedActor } from '../shared/actor';
import { decidedBy, type Decision } from '../shared/decider';
import { domainError, type DomainError } from '../shared/errors';
import { addSeconds, isAfter } from '../shared/time';
import { defaultDeviceName, nameTaken, phoneCan } from './capabilities';
import { enrollmentShapeErrors, type UserDevicesCommand } from './commands';
import type { UserDevicesEvent } from './events';
import { deviceCount, findPhone, findToken, type Phone, type RegisteredUser, type UserDevicesState } from './state';

/**
 * The portal context (session, application, account, time, policy) and, for an enrollment,
 * which other user of the account holds the number now, as the number's claim records it.
 */
export type UserDevicesContext = PortalContext & Readonly<{ numberHeldBy?: string }>;

type Events = E.Either<DomainError, readonly UserDevicesEvent[]>;
type Decided = E.Either<DomainError, Decision<UserDevicesEvent>>;
type Command<T extends UserDevicesCommand['type']> = Extract<UserDevicesCommand, { type: T }>;

/** The user whose devices change, and who changes them as history will record it. */
type Authorised = Readonly<{ user: RegisteredUser; actor: RecordedActor }>;

const fail = <A = never>(code: DomainError['code'], message: string): E.Either<DomainError, A> => E.left(domainError(code, message));

/** The rule of the command, applied once the actor is authorised, and the decision it makes. */
const decidedAs = ({ user, actor }: Authorised, rule: (user: RegisteredUser) => Events): Decided =>
  E.map(decidedBy<UserDevicesEvent>(actor))(rule(user));

/** An administrator of the user's own account, with a role that manages devices. */
const asAdminOf = (actor: Actor, user: UserDevicesState, context: UserDevicesContext): E.Either<DomainError, Authorised> =>
  pipe(
    authoriseAdmin(actor, context.account, 'manageUserDevices'),
    E.chain((admin) =>
      user.status === 'REGISTERED' && user.accountId === admin.account.accountId
        ? E.right({ user, actor: recordedAdmin(admin) })
        : E.left(domainError('NOT_FOUND', 'user not found')),
    ),
  );

/** A user's change through the portal, or an administrator's where the contract allows one. */
const authorised = (
  command: UserDevicesCommand & { data: { userId: string } },
  user: UserDevicesState,
  context: UserDevicesContext,
  options: Readonly<{ admins: boolean; firstDevice: boolean }>,
): E.Either<DomainError, Authorised> => {
  const { actor } = command;
  if (actor.kind === 'user') {
    return E.map((portal: PortalAuthorisation & Readonly<{ user: RegisteredUser }>) => ({ user: portal.user, actor: recordedPortalUser(portal) }))(
      authorisePortalChange(actor, command.data.userId, user, context, options.firstDevice),
    );
  }
  if (actor.kind === 'admin' && options.admins) return asAdminOf(actor, user, context);
  return E.left(domainError('FORBIDDEN', `a ${actor.kind} may never ${command.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`));
};

const phoneOf = (user: RegisteredUser, deviceId: string): E.Either<DomainError, Phone> => {
  const phone = findPhone(user, deviceId);
  if (phone !== undefined) return E.right(phone);
  return E.left(
    findToken(user, deviceId) !== undefined
      ? domainError('DEVICE_NOT_CAPABLE', 'a hardware token cannot do this')
      : domainError('NOT_FOUND', `device ${deviceId} not found among the user's devices`),
  );
};

/** A change to one of the user's phones: authorised first, so that nobody probes another's devices. */
const onPhone = (
  command: UserDevicesCommand & { data: { userId: string; deviceId: string } },
  state: UserDevicesState,
  context: UserDevicesContext,
  admins: boolean,
  change: (user: RegisteredUser, phone: Phone) => Events,
): Decided =>
  pipe(
    authorised(command, state, context, { admins, firstDevice: false }),
    E.chain((authorisation) =>
      decidedAs(authorisation, (user) =>
        pipe(
          phoneOf(user, command.data.deviceId),
          E.chain((phone) => change(user, phone)),
        ),
      ),
    ),
  );

const registerUser = (command: Command<'RegisterUser'>, state: UserDevicesState, context: UserDevicesContext): Decided =>
  pipe(
    authoriseAdmin(command.actor, context.account, 'registerUser'),
    E.chain((admin) => {
      if (admin.account.accountId !== command.data.accountId) return fail('NOT_FOUND', 'account not found');
      if (state.status !== 'NONE') return fail('DUPLICATE', `user ${command.data.userId} already exists`);
      return E.right(decidedBy<UserDevicesEvent>(recordedAdmin(admin))([{ type: 'UserRegistered', data: command.data }]));
    }),
  );

const assignToken = (command: Command<'AssignHardwareToken'>, state: UserDevicesState, context: UserDevicesContext): Decided => {
  if (command.actor.kind !== 'admin') return fail('FORBIDDEN', 'hardware tokens are assigned by administrators, never added by the user');
  return pipe(
    asAdminOf(command.actor, state, context),
    E.chain((authorisation) => decidedAs(authorisation, (user) => {
      const { tokenId, serial, tokenType } = command.data;
      if (user.usedIds.includes(tokenId)) return fail('DUPLICATE', `id ${tokenId} is already used`);
      if (user.tokens.some((token) => token.serial === serial && token.tokenType === tokenType)) {
        return fail('DUPLICATE', `token ${tokenType} ${serial} is already assigned to this user`);
      }
      return E.right([{ type: 'HardwareTokenAssigned', data: { accountId: user.accountId, userId: user.userId, tokenId, serial, tokenType } }]);
    })),
  );
};

const enroll = (command: Command<'EnrollDevice'>, state: UserDevicesState, context: UserDevicesContext): Decided => {
  const shape = enrollmentShapeErrors(command.data);
  if (shape.length > 0) return fail('INVALID_COMMAND', shape.join('; '));
  return pipe(
    authorised(command, state, context, { admins: true, firstDevice: true }),
    E.chain((authorisation) => decidedAs(authorisation, (user) => {
      const { deviceId, kind, phoneNumber, extension } = command.data;
      if (user.usedIds.includes(deviceId)) return fail('DUPLICATE', `id ${deviceId} is already used`);
      if (user.phones.length >= context.policy.maxPhones) {
        return fail('DEVICE_LIMIT_REACHED', `a user may have at most ${context.policy.maxPhones} phones`);
      }
      if (phoneNumber !== undefined && user.phones.some((phone) => phone.phoneNumber === phoneNumber)) {
        return fail('DUPLICATE', `${phoneNumber} is already one of this user's phones`);
      }
      if (phoneNumber !== undefined && context.numberHeldBy !== undefined && context.numberHeldBy !== user.userId) {
        return fail('DUPLICATE', `${phoneNumber} belongs to another user of this account`);
      }
      const platform = kind === 'LANDLINE' ? 'UNKNOWN' : (command.data.platform ?? 'UNKNOWN');
      const takenNames = user.phones.map((phone) => phone.name);
      const name = command.data.name ?? defaultDeviceName(kind, platform, takenNames);
      if (nameTaken(user, name)) return fail('DUPLICATE', `another device is already named "${name}"`);
      return E.right([
        {
          type: 'DeviceEnrolled',
          data: {
            accountId: user.accountId,
            userId: user.userId,
            deviceId,
            kind,
            platform,
            name,
            ...(phoneNumber === undefined ? {} : { phoneNumber }),
            ...(extension === undefined ? {} : { extension }),
          },
        },
      ]);
    })),
  );
};

const rename = (command: Command<'RenameDevice'>, state: UserDevicesState, context: UserDevicesContext): Decided =>
  onPhone(command, state, context, false, (user, phone) => {
    const { name } = command.data;
    if (phone.name === name) return E.right([]);
    if (nameTaken(user, name, phone.deviceId)) return fail('DUPLICATE', `another device is already named "${name}"`);
    return E.right([{ type: 'DeviceRenamed', data: { userId: user.userId, deviceId: phone.deviceId, name, previousName: phone.name } }]);
  });

const issueActivation = (command: Command<'IssueDuoMobileActivation'>, state: UserDevicesState, context: UserDevicesContext): Decided =>
  onPhone(command, state, context, false, (user, phone) => {
    const { activationId, validSeconds = context.policy.activationValidSeconds } = command.data;
    if (validSeconds > context.policy.activationMaxSeconds) {
      return fail('INVALID_COMMAND', `data.validSeconds must be at most ${context.policy.activationMaxSeconds}`);
    }
    if (phone.kind === 'LANDLINE') return fail('DEVICE_NOT_CAPABLE', 'Duo Mobile cannot run on a landline');
    if (phone.platform === 'UNKNOWN') return fail('DEVICE_NOT_CAPABLE', 'Duo Mobile cannot be activated on an unknown platform');
    if (user.activations[activationId] !== undefined) return fail('DUPLICATE', `activation ${activationId} already exists`);
    return E.right([
      {
        type: 'DuoMobileActivationIssued',
        data: { userId: user.userId, deviceId: phone.deviceId, activationId, expiresAt: addSeconds(context.now, validSeconds) },
      },
    ]);
  });

const activate = (command: Command<'ActivateDuoMobile'>, state: UserDevicesState, context: UserDevicesContext): Decided =>
  onPhone(command, state, context, false, (user, phone) => {
    const { activationId } = command.data;
    const activation = user.activations[activationId];
    if (activation === undefined || activation.deviceId !== phone.deviceId) {
      return fail('ACTIVATION_INVALID', 'this activation is unknown for this device');
    }
    if (activation.used) return fail('ACTIVATION_INVALID', 'this activation has already been used');
    if (isAfter(context.now, activation.expiresAt)) return fail('ACTIVATION_INVALID', `this activation expired at ${activation.expiresAt}`);
    return E.right([{ type: 'DuoMobileActivated', data: { userId: user.userId, deviceId: phone.deviceId, activationId } }]);
  });

const setDefault = (command: Command<'SetDefaultDevice'>, state: UserDevicesState, context: UserDevicesContext): Decided =>
  onPhone(command, state, context, false, (user, phone) => {
    const { loginAction } = command.data;
    if (loginAction !== 'ASK' && !phoneCan(phone, loginAction)) {
      return fail(
        'DEVICE_NOT_CAPABLE',
        loginAction === 'PUSH' ? 'automatic push needs Duo Mobile activated on a mobile or tablet' : 'automatic calls need a phone number',
      );
    }
    const current = user.defaultDevice;
    if (current?.deviceId === phone.deviceId && current.loginAction === loginAction) return E.right([]);
    return E.right([{ type: 'DefaultSet', data: { userId: user.userId, deviceId: phone.deviceId, loginAction } }]);
  });

const remove = (command: Command<'RemoveDevice'>, state: UserDevicesState, context: UserDevicesContext): Decided =>
  onPhone(command, state, context, true, (user, phone) => {
    // Self-service never leaves a user locked out; an administrator may.
    if (command.actor.kind === 'user' && deviceCount(user) === 1) {
      return fail('LAST_DEVICE', 'this is your last device: enroll another one before removing it');
    }
    const { deviceId, kind, phoneNumber } = phone;
    const wasDefault = user.defaultDevice?.deviceId === deviceId;
    return E.right([
      {
        type: 'DeviceRemoved',
        data: { accountId: user.accountId, userId: user.userId, deviceId, kind, wasDefault, ...(phoneNumber === undefined ? {} : { phoneNumber }) },
      },
    ]);
  });

const removeToken = (command: Command<'RemoveHardwareToken'>, state: UserDevicesState, context: UserDevicesContext): Decided =>
  pipe(
    authorised(command, state, context, { admins: false, firstDevice: false }),
    E.chain((authorisation) => decidedAs(authorisation, (user): Events => {
      const token = findToken(user, command.data.tokenId);
      if (token === undefined) return fail('NOT_FOUND', `hardware token ${command.data.tokenId} not found among the user's devices`);
      if (deviceCount(user) === 1) return fail('LAST_DEVICE', 'this is your last device: enroll another one before removing it');
      return E.right([{ type: 'HardwareTokenRemoved', data: { userId: user.userId, ...token } }]);
    })),
  );

export const decideUserDevices = (command: UserDevicesCommand, state: UserDevicesState, context: UserDevicesContext): Decided => {
  switch (command.type) {
    case 'RegisterUser':
      return registerUser(command, state, context);
    case 'AssignHardwareToken':
      return assignToken(command, state, context);
    case 'EnrollDevice':
      return enroll(command, state, context);
    case 'RenameDevice':
      return rename(command, state, context);
    case 'IssueDuoMobileActivation':
      return issueActivation(command, state, context);
    case 'ActivateDuoMobile':
      return activate(command, state, context);
    case 'SetDefaultDevice':
      return setDefault(command, state, context);
    case 'RemoveDevice':
      return remove(command, state, context);
    case 'RemoveHardwareToken':
      return removeToken(command, state, context);
  }
};
